import Phaser from "phaser";
import { BOT_NAMES } from "../../shared/bots/index.js";
import type { RejectedMessage } from "../../shared/schemas/protocol.js";
import { botName } from "../../shared/words/names.js";
import { t } from "../i18n.js";
import { rejectionCodeText } from "../net/errors.js";
import { joinLink, watchLink } from "../net/link.js";
import { type Draft, draftOf, fill, h, restoreDraft, status } from "../ui/dom.js";
import { showEconomyRefusal } from "../ui/economy.js";
import { roomTitle } from "../ui/room-title.js";
import { mountScreen } from "../ui/screen.js";
import { settingsForm, settingsSummary } from "./lobby-settings.js";
import { seatBot, seatFirmName, seatPlayers } from "./lobby-words.js";
import { appOf, followPhase } from "./route.js";

/** Seats, bots and settings before the game; the host starts it. */
export class Lobby extends Phaser.Scene {
  private panel: HTMLElement | null = null;

  constructor() {
    super("Lobby");
  }

  /** A language switch: the lobby is drawn again in the new language; the seat stays (the room is the app's), and so does what is typed in the settings. */
  relabel(): void {
    this.scene.restart({ draft: this.panel ? draftOf(this.panel) : undefined });
  }

  create(data: { draft?: Draft } = {}): void {
    const app = appOf(this);
    const room = app.room;
    if (!room) return void this.scene.start("Menu");
    const stop = followPhase(this, "Lobby"); // i18n-ignore: a scene key
    const notice = status("alert");
    const settings = h("div", {});
    const stopRejected = room.onMessage("rejected", (r: RejectedMessage) => {
      // A refused economy override is shown next to its field; anything else below the seats.
      notice.textContent = showEconomyRefusal(settings, r) ? "" : rejectionCodeText(r);
    });
    this.events.once("shutdown", () => {
      stop();
      stopRejected();
    });

    const link = joinLink(window.location.origin, room.roomId);
    const copied = status();
    copied.classList.add("copy-status");
    const seats = h("ul", { class: "seats", "aria-label": t("lobby.firms") });
    let settingsKey = "";
    const controls = h("div", { class: "controls" });
    const panel = h(
      "section",
      { class: "panel lobby", "aria-labelledby": "lobby-title" },
      h("h1", { id: "lobby-title" }, roomTitle(room.state.title, room.state.mode === "class")),
      h(
        "p",
        { class: "code" },
        t("lobby.code"),
        " ",
        h("strong", { "aria-label": t("lobby.codeSpelled", { letters: room.roomId.split("").join(" ") }) }, room.roomId),
      ),
      h(
        "p",
        {},
        h("input", { id: "link", readonly: true, value: link, "aria-label": t("lobby.link") }),
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              void navigator.clipboard?.writeText(link).then(
                () => {
                  copied.textContent = t("lobby.copied");
                },
                () => {
                  copied.textContent = t("lobby.copyManual");
                },
              );
            },
          },
          t("lobby.copy"),
        ),
        copied,
      ),
      h(
        "p",
        {},
        h("a", { href: watchLink(window.location.origin, room.roomId), target: "_blank", rel: "noopener", class: "screen-link" }, t("lobby.bigScreen")),
      ),
      settings,
      seats,
      controls,
      notice,
    );
    mountScreen(this, panel, "page", t("lobby.title"));
    this.panel = panel;
    this.events.once("shutdown", () => {
      this.panel = null;
    });

    let deferred = false;
    const render = () => {
      const me = room.state.players.find((p) => p.id === app.welcome?.playerId);
      const isHost = me?.host ?? false;
      // Rebuild the settings only when they change, so a field being edited keeps focus.
      const st = room.state.settings;
      const key = JSON.stringify([isHost, room.state.title, st.scenario, st.quarters, st.decisionSeconds, st.teamSize, st.private, st.economy]);
      // Not while the host is typing in one of its fields: a patch that lands mid-edit (the timer
      // just switched on, say) would replace the field and lose what was typed. The rebuild
      // waits for the field to lose focus (focusout below).
      const active = document.activeElement;
      const typing = active instanceof HTMLInputElement && settings.contains(active) && active.type !== "checkbox" && active.type !== "radio";
      deferred = key !== settingsKey && typing;
      if (key !== settingsKey && !typing) {
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
          const picking = isHost && members.length === 0;
          const who = members.length > 0 ? seatPlayers(members) : seatBot(botName(firm.bot, t), picking);
          const botPicker = picking
            ? h(
                "select",
                {
                  "aria-label": t("lobby.botFor", { firm: firm.name }),
                  onchange: (e) => room.send("setBot", { firmId: firm.id, strategy: (e.target as HTMLSelectElement).value }),
                },
                ...BOT_NAMES.map((bot) => h("option", { value: bot, selected: bot === firm.bot }, botName(bot, t))),
              )
            : null;
          const remove =
            isHost && members.length === 0 && room.state.firms.length > 2
              ? h(
                  "button",
                  { type: "button", "aria-label": t("lobby.removeLabel", { firm: firm.name }), onclick: () => room.send("removeBot", { firmId: firm.id }) },
                  t("lobby.remove"),
                )
              : null;
          const mine = me !== undefined && me.firmId === firm.id;
          // Two items, not five: the firm's line, then its controls kept together (a phone wraps between them, never inside).
          return h(
            "li",
            { class: mine ? "mine" : undefined },
            h("span", { class: "seat-who" }, h("strong", {}, seatFirmName(firm.name, mine)), " — ", who),
            botPicker || remove ? h("span", { class: "seat-controls" }, botPicker, remove) : null,
          );
        }),
      );
      const humans = room.state.players.filter((p) => p.firmId !== "");
      const readyCount = humans.filter((p) => p.ready).length;
      fill(
        controls,
        humans.length > 0 ? h("p", { class: "ready-count" }, t("lobby.readyCount", { ready: readyCount, count: humans.length })) : null,
        me
          ? h(
              "label",
              { class: "check" },
              h("input", { type: "checkbox", checked: me.ready, onchange: (e) => room.send("ready", { ready: (e.target as HTMLInputElement).checked }) }),
              " ",
              t("lobby.ready"),
            )
          : null,
        isHost
          ? h(
              "div",
              { class: "button-row" },
              h("button", { type: "button", onclick: () => room.send("addBot", { strategy: "balanced" }) }, t("lobby.addBot")),
              h("button", { type: "button", class: "primary", onclick: () => room.send("start") }, t("lobby.start")),
            )
          : h("p", {}, t(room.state.mode === "class" ? "lobby.waiting.facilitator" : "lobby.waiting.host")),
      );
    };
    room.onStateChange(render);
    // A rebuild put off while a field had focus happens once it loses it (after its change is sent).
    const afterEdit = () => {
      if (deferred) setTimeout(render, 0);
    };
    settings.addEventListener("focusout", afterEdit);
    this.events.once("shutdown", () => {
      room.onStateChange.remove(render);
      settings.removeEventListener("focusout", afterEdit);
    });
    render();
    if (data.draft) restoreDraft(panel, data.draft);
  }
}
