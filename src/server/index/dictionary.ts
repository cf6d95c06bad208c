/** A column's distinct strings, each with a small integer id (the column stores ids). */
export class Dictionary {
  private readonly ids = new Map<string | null, number>();
  readonly values: (string | null)[] = [];

  id(value: string | null): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  get size(): number {
    return this.values.length;
  }

  /** A lookup table id → matches, for one filter over this column. */
  mask(matches: (value: string | null) => boolean): Uint8Array {
    return Uint8Array.from(this.values, (v) => (matches(v) ? 1 : 0));
  }
}
