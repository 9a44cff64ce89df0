/**
 * Which slots the sandbox offers to selectServer (registered at its last sync and healthy as last
 * told), as a Fenwick tree (a binary indexed tree, Fenwick 1994) over slots: the position of a
 * slot in the offered list, which is in slot order, is the count of offered slots below it, found
 * in O(log n). The host sends that position with each load change, so the sandbox updates
 * `pool.loads` and its list without searching or renumbering in QuickJS's interpreter.
 */
export class OfferedRanks {
  private tree = new Int32Array(1);
  private offered = new Uint8Array(0);

  /** Forgets every slot and makes room for `size` of them. */
  reset(size: number): void {
    this.tree = new Int32Array(size + 1);
    this.offered = new Uint8Array(size);
  }

  /** Whether the slot is offered. */
  has(slot: number): boolean {
    return this.offered[slot] === 1;
  }

  /** Marks the slot offered or not. */
  set(slot: number, offered: boolean): void {
    const now = offered ? 1 : 0;
    if (slot >= this.offered.length || this.offered[slot] === now) return;
    this.offered[slot] = now;
    const delta = offered ? 1 : -1;
    const tree = this.tree;
    for (let i = slot + 1; i < tree.length; i += i & -i) tree[i]! += delta;
  }

  /** How many offered slots come before `slot`: its position in the offered list. */
  below(slot: number): number {
    let count = 0;
    const tree = this.tree;
    for (let i = Math.min(slot, tree.length - 1); i > 0; i -= i & -i) count += tree[i]!;
    return count;
  }
}
