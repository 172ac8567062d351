// Stable ids for headings: the slug of the text ("Who stops it?" → "who-stops-it"), with
// "-2", "-3" … for repeats. Ids given out earlier in the lesson, and the reserved ids of
// example deep links (#example-<id>), are never reused.

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}\s-]/gu, "")
    .trim()
    .replace(/[\s-]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug === "" ? "section" : slug;
}

export class HeadingIds {
  #taken: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.#taken = new Set(reserved);
  }

  next(text: string): string {
    const base = slugify(text);
    let id = base;
    for (let n = 2; this.#taken.has(id); n++) id = `${base}-${n}`;
    this.#taken.add(id);
    return id;
  }
}
