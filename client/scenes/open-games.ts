import { t } from "../i18n.js";
import { fetchOpenGames, OPEN_GAMES_POLL_MS, type OpenGame, openGameLine } from "../net/open-games.js";
import { h } from "../ui/dom.js";
import { roomTitle } from "../ui/room-title.js";

/**
 * The menu's list of open public games, kept up to date while it is on screen, each joinable
 * in one tap, and Quick play (join an open game, or start one against bots). `stop()` ends the
 * polling (call it when the menu closes).
 */
export function openGamesSection(actions: { join: (code: string) => void; quickPlay: () => void }): { element: HTMLElement; stop: () => void } {
  const list = h("ul", { class: "open-games", "aria-labelledby": "open-title" });
  const note = h("p", { class: "muted", "aria-live": "polite" }, t("menu.open.looking"));
  const element = h(
    "section",
    { class: "open-games-section", "aria-labelledby": "open-title" },
    h(
      "div",
      { class: "menu-top" },
      h("h2", { id: "open-title" }, t("menu.open.title")),
      h("button", { type: "button", class: "primary quick-play", id: "quick-play", onclick: () => actions.quickPlay() }, t("menu.open.quickPlay")),
    ),
    note,
    list,
  );
  let shown = "";
  let stopped = false;
  const refresh = async () => {
    let games: OpenGame[];
    try {
      games = await fetchOpenGames();
    } catch {
      note.textContent = t("menu.open.unavailable");
      return;
    }
    if (stopped) return;
    const key = JSON.stringify(games);
    if (key === shown) return;
    shown = key;
    note.textContent = games.length === 0 ? t("menu.open.none") : t("menu.open.count", { count: games.length });
    list.replaceChildren(
      ...games.map((game) =>
        h(
          "li",
          { class: "open-game" },
          h("span", { class: "open-game-text" }, h("strong", {}, roomTitle(game.title, game.host === "")), " ", h("span", {}, openGameLine(game))),
          h(
            "button",
            {
              type: "button",
              "aria-label": game.host
                ? t("menu.open.joinHosted", { title: roomTitle(game.title, game.host === ""), host: game.host })
                : t("menu.open.joinClass", { title: roomTitle(game.title, game.host === "") }),
              onclick: () => actions.join(game.code),
            },
            t("menu.open.join"),
          ),
        ),
      ),
    );
  };
  void refresh();
  const timer = window.setInterval(() => void refresh(), OPEN_GAMES_POLL_MS);
  return {
    element,
    stop: () => {
      stopped = true;
      window.clearInterval(timer);
    },
  };
}
