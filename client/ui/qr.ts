import QRCode from "qrcode";
import { h } from "./dom.js";

/** A QR code of `link` (white on black modules, readable across a room), or a line saying to use the link. */
export function qrCode(link: string, className: string): HTMLElement {
  const box = h("div", { class: className, role: "img", "aria-label": `QR code of the link to join: ${link}` });
  QRCode.toString(link, { type: "svg", margin: 2, errorCorrectionLevel: "M", color: { dark: "#000000", light: "#ffffff" } }).then(
    (svg) => {
      box.innerHTML = svg;
    },
    () => {
      box.textContent = "No QR code: use the link.";
    },
  );
  return box;
}
