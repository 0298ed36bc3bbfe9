// A set of non-negative 31-bit integers: open addressing in one typed array that doubles when half
// full (a Set of millions of numbers costs tens of MB; this costs 8 bytes per distinct key at most).
export class IntSet {
  private slots = new Int32Array(1024).fill(-1);
  private size = 0;

  private slotOf(key: number): number {
    const mask = this.slots.length - 1;
    for (let h = Math.imul(key, 0x9e3779b1) >>> 0; ; h++) {
      const v = this.slots[h & mask];
      if (v === -1 || v === key) return h & mask;
    }
  }

  add(key: number): void {
    const at = this.slotOf(key);
    if (this.slots[at] === key) return;
    this.slots[at] = key;
    if (++this.size * 2 > this.slots.length) {
      const old = this.slots;
      this.slots = new Int32Array(old.length * 2).fill(-1);
      for (const k of old) if (k !== -1) this.slots[this.slotOf(k)] = k;
    }
  }

  has(key: number): boolean {
    return this.slots[this.slotOf(key)] === key;
  }

  /** Calls `visit` with every key, in no particular order. */
  forEach(visit: (key: number) => void): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) if (slots[i] !== -1) visit(slots[i]);
  }
}
