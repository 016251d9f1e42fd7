import { startGame } from "./game.js";

startGame(document.getElementById("app") as HTMLElement);
