// The one rule both runners (worker and Node) apply to a loaded user module: it must
// default-export a function, which is the program's main.

/** Returns the module's main, or throws an Error that tells the user what to write. */
export function mainOf(module: { default?: unknown }): () => unknown {
  const main = module.default;
  if (typeof main !== "function") {
    throw new Error("The program's default export is not a function: write `export default async function main() { … }`.");
  }
  return main as () => unknown;
}
