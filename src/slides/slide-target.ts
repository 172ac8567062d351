import type { DeckCommand } from "./useDeckKeys.ts";

/**
 * The slide a navigation command asks for (1-based, not yet clamped to the deck), or undefined
 * for commands that do not move. Shared by the audience deck and the presenter window.
 */
export function slideTarget(command: DeckCommand, current: number, total: number): number | undefined {
  switch (command.type) {
    case "next":
      return current + 1;
    case "previous":
      return current - 1;
    case "first":
      return 1;
    case "last":
      return total;
    case "goto":
      return command.slide;
    default:
      return undefined;
  }
}
