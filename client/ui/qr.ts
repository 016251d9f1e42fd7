import QRCode from "qrcode";
import { t } from "../i18n.js";
import { h } from "./dom.js";

/** A QR code of `link` (white on black modules, readable across a room), or a line saying to use the link. */
export function qrCode(link: string, className: string): HTMLElement {
  const box = h("div", { class: className, role: "img", "aria-label": t("errors.qr.label", { link }) });
  QRCode.toString(link, { type: "svg", margin: 2, errorCorrectionLevel: "M", color: { dark: "#000000", light: "#ffffff" } }).then(
    (svg) => {
      box.innerHTML = svg;
    },
    () => {
      box.textContent = t("errors.qr.failed");
    },
  );
  return box;
}
