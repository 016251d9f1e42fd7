import Phaser from "phaser";
import { BOT_NAMES } from "../../shared/bots/index.js";
import type { RejectedMessage } from "../../shared/schemas/protocol.js";
import { joinLink } from "../net/link.js";
import { fill, h, status } from "../ui/dom.js";
import { showEconomyRefusal } from "../ui/economy.js";
import { mountScreen } from "../ui/screen.js";
import { settingsForm, settingsSummary } from "./lobby-settings.js";
import { appOf, followPhase } from "./route.js";

/** Seats, bots and settings before the game; the host starts it. */
export class Lobby extends Phaser.Scene {
  constructor() {
    super("Lobby");
  }

  create(): void {
    const app = appOf(this);
    const room = app.room;
    if (!room) return void this.scene.start("Menu");
    const stop = followPhase(this, "Lobby");
    const notice = status("alert");
    const settings = h("div", {});
    const stopRejected = room.onMessage("rejected", (r: RejectedMessage) => {
      // A refused economy override is shown next to its field; anything else below the seats.
      notice.textContent = showEconomyRefusal(settings, r) ? "" : r.message;
    });
    this.events.once("shutdown", () => {
      stop();
      stopRejected();
    });

    const link = joinLink(window.location.origin, room.roomId);
    const copied = status();
    const seats = h("ul", { class: "seats", "aria-label": "Firms" });
    let settingsKey = "";
    const controls = h("div", { class: "controls" });
    const panel = h(
      "section",
      { class: "panel lobby", "aria-labelledby": "lobby-title" },
      h("h1", { id: "lobby-title" }, room.state.title || "Lobby"),
      h("p", { class: "code" }, "Join code ", h("strong", { "aria-label": `join code ${room.roomId.split("").join(" ")}` }, room.roomId)),
      h(
        "p",
        {},
        h("input", { id: "link", readonly: true, value: link, "aria-label": "Link to join" }),
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              void navigator.clipboard?.writeText(link).then(
                () => {
                  copied.textContent = "Link copied.";
                },
                () => {
                  copied.textContent = "Copy the link from the box.";
                },
              );
            },
          },
          "Copy link",
        ),
        copied,
      ),
      settings,
      seats,
      controls,
      notice,
    );
    mountScreen(this, panel);

    const render = () => {
      const me = room.state.players.find((p) => p.id === app.welcome?.playerId);
      const isHost = me?.host ?? false;
      // Rebuild the settings only when they change, so a field being edited keeps focus.
      const st = room.state.settings;
      const key = JSON.stringify([isHost, room.state.title, st.scenario, st.quarters, st.decisionSeconds, st.teamSize, st.private, st.economy]);
      if (key !== settingsKey) {
        settingsKey = key;
        fill(
          settings,
          isHost ? settingsForm(room.state.settings, room.state.title, (patch) => room.send("configure", patch)) : settingsSummary(room.state.settings),
        );
      }
      fill(
        seats,
        ...room.state.firms.map((firm) => {
          const members = room.state.players.filter((p) => p.firmId === firm.id);
          const who = members.length > 0 ? members.map((p) => `${p.name}${p.connected ? "" : " (offline)"}`).join(", ") : `${firm.bot} bot`;
          const botPicker =
            isHost && members.length === 0
              ? h(
                  "select",
                  {
                    "aria-label": `Bot for ${firm.name}`,
                    onchange: (e) => room.send("setBot", { firmId: firm.id, strategy: (e.target as HTMLSelectElement).value }),
                  },
                  ...BOT_NAMES.map((bot) => h("option", { value: bot, selected: bot === firm.bot }, bot)),
                )
              : null;
          const remove =
            isHost && members.length === 0 && room.state.firms.length > 2
              ? h("button", { type: "button", "aria-label": `Remove ${firm.name}`, onclick: () => room.send("removeBot", { firmId: firm.id }) }, "Remove")
              : null;
          return h("li", {}, h("strong", {}, firm.name), " — ", who, botPicker, remove);
        }),
      );
      fill(
        controls,
        me
          ? h(
              "label",
              { class: "check" },
              h("input", { type: "checkbox", checked: me.ready, onchange: (e) => room.send("ready", { ready: (e.target as HTMLInputElement).checked }) }),
              " Ready",
            )
          : null,
        isHost ? h("button", { type: "button", onclick: () => room.send("addBot", { strategy: "balanced" }) }, "Add a bot") : null,
        isHost
          ? h("button", { type: "button", class: "primary", onclick: () => room.send("start") }, "Start game")
          : h("p", {}, room.state.mode === "class" ? "Waiting for the facilitator to start…" : "Waiting for the host to start…"),
      );
    };
    room.onStateChange(render);
    this.events.once("shutdown", () => room.onStateChange.remove(render));
    render();
  }
}
