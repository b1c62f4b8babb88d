// The dependency links between the database's reactive nodes, packed. alien-signals' core
// (`alien-signals/system` 3.2.1, whose `link`, `unlink`, `propagate`, `checkDirty` and
// `shallowPropagate` these follow step for step) makes an object of seven fields per link: 80 bytes
// on a 64-bit V8 without pointer compression (Node's builds), and a large org holds ~490,000 links
// (39 MB, the largest kind of object in the server's heap). Here a link is a slot of one pool per
// database: its two nodes in two arrays and its list pointers and version in typed arrays (36 bytes).

/** A node of the graph: an input (only `subs`) or a computation (`deps` too). 0 is "no link". */
export interface LinkedNode {
  subs: number;
  subsTail: number;
  deps?: number;
  depsTail?: number;
  flags: number;
}

/** What the graph asks of the nodes' owner, as `createReactiveSystem`'s options. */
export interface NodeCallbacks {
  update(node: LinkedNode): boolean;
  notify(node: LinkedNode): void;
  unwatched(node: LinkedNode): void;
}

// alien-signals' ReactiveFlags (a const enum its types declare and its code inlines); nodes.ts sets them too.
export const MUTABLE = 1;
export const WATCHING = 2;
export const RECURSED_CHECK = 4;
export const RECURSED = 8;
export const DIRTY = 16;
export const PENDING = 32;

const FIRST_CAPACITY = 1024;

export class LinkPool {
  /**
   * A link's dependency and subscriber; a free slot holds undefined in both. Slot 0 is never used. Allocated to the
   * capacity like the typed arrays (`push` would grow them by half again on its own).
   */
  private dep: (LinkedNode | undefined)[] = new Array<LinkedNode | undefined>(FIRST_CAPACITY);
  private sub: (LinkedNode | undefined)[] = new Array<LinkedNode | undefined>(FIRST_CAPACITY);
  private prevDep = new Int32Array(FIRST_CAPACITY);
  /** Also the free list's chain. */
  private nextDep = new Int32Array(FIRST_CAPACITY);
  private prevSub = new Int32Array(FIRST_CAPACITY);
  private nextSub = new Int32Array(FIRST_CAPACITY);
  private version = new Int32Array(FIRST_CAPACITY);
  private capacity = FIRST_CAPACITY;
  /** Slots handed out so far (slot 0 included), and the first freed slot (0: none). */
  private used = 1;
  private free = 0;
  /** Slots holding a link now. */
  private held = 0;

  constructor(private readonly callbacks: NodeCallbacks) {}

  /** Links held now. */
  get size(): number {
    return this.held;
  }

  depOf(link: number): LinkedNode {
    return this.dep[link] as LinkedNode;
  }

  subOf(link: number): LinkedNode {
    return this.sub[link] as LinkedNode;
  }

  nextSubOf(link: number): number {
    return this.nextSub[link] as number;
  }

  nextDepOf(link: number): number {
    return this.nextDep[link] as number;
  }

  prevDepOf(link: number): number {
    return this.prevDep[link] as number;
  }

  private slot(): number {
    this.held++;
    const f = this.free;
    if (f !== 0) {
      this.free = this.nextDep[f] as number;
      return f;
    }
    if (this.used === this.capacity) this.grow();
    return this.used++;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const wider = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    const widerNodes = (a: (LinkedNode | undefined)[]): (LinkedNode | undefined)[] => {
      const b = new Array<LinkedNode | undefined>(capacity);
      for (let i = 0; i < a.length; i++) b[i] = a[i];
      return b;
    };
    this.dep = widerNodes(this.dep);
    this.sub = widerNodes(this.sub);
    this.prevDep = wider(this.prevDep);
    this.nextDep = wider(this.nextDep);
    this.prevSub = wider(this.prevSub);
    this.nextSub = wider(this.nextSub);
    this.version = wider(this.version);
    this.capacity = capacity;
  }

  link(dep: LinkedNode, sub: LinkedNode, version: number): void {
    version |= 0;
    const prevDep = sub.depsTail as number;
    if (prevDep !== 0 && this.dep[prevDep] === dep) return;
    const nextDep = prevDep !== 0 ? (this.nextDep[prevDep] as number) : (sub.deps as number);
    if (nextDep !== 0 && this.dep[nextDep] === dep) {
      this.version[nextDep] = version;
      sub.depsTail = nextDep;
      return;
    }
    const prevSub = dep.subsTail;
    if (prevSub !== 0 && this.version[prevSub] === version && this.sub[prevSub] === sub) return;
    const l = this.slot();
    this.dep[l] = dep;
    this.sub[l] = sub;
    this.version[l] = version;
    this.prevDep[l] = prevDep;
    this.nextDep[l] = nextDep;
    this.prevSub[l] = prevSub;
    this.nextSub[l] = 0;
    sub.depsTail = dep.subsTail = l;
    if (nextDep !== 0) this.prevDep[nextDep] = l;
    if (prevDep !== 0) this.nextDep[prevDep] = l;
    else sub.deps = l;
    if (prevSub !== 0) this.nextSub[prevSub] = l;
    else dep.subs = l;
  }

  /** Removes a link from both its lists; the next link of its subscriber's dependencies. */
  unlink(link: number, sub: LinkedNode = this.sub[link] as LinkedNode): number {
    const dep = this.dep[link] as LinkedNode;
    const prevDep = this.prevDep[link] as number;
    const nextDep = this.nextDep[link] as number;
    const nextSub = this.nextSub[link] as number;
    const prevSub = this.prevSub[link] as number;
    if (nextDep !== 0) this.prevDep[nextDep] = prevDep;
    else sub.depsTail = prevDep;
    if (prevDep !== 0) this.nextDep[prevDep] = nextDep;
    else sub.deps = nextDep;
    if (nextSub !== 0) this.prevSub[nextSub] = prevSub;
    else dep.subsTail = prevSub;
    this.dep[link] = undefined;
    this.sub[link] = undefined;
    this.nextDep[link] = this.free;
    this.free = link;
    this.held--;
    if (prevSub !== 0) this.nextSub[prevSub] = nextSub;
    else if ((dep.subs = nextSub) === 0) this.callbacks.unwatched(dep);
    return nextDep;
  }

  propagate(link: number, innerWrite: boolean): void {
    let next = this.nextSub[link] as number;
    const stack: number[] = [];
    top: for (;;) {
      const sub = this.sub[link] as LinkedNode;
      let flags = sub.flags;
      if (!(flags & (RECURSED_CHECK | RECURSED | DIRTY | PENDING))) {
        sub.flags = flags | PENDING;
        if (innerWrite) sub.flags |= RECURSED;
      } else if (!(flags & (RECURSED_CHECK | RECURSED))) {
        flags = 0;
      } else if (!(flags & RECURSED_CHECK)) {
        sub.flags = (flags & ~RECURSED) | PENDING;
      } else if (!(flags & (DIRTY | PENDING)) && this.isValidLink(link, sub)) {
        sub.flags = flags | (RECURSED | PENDING);
        flags &= MUTABLE;
      } else {
        flags = 0;
      }
      if (flags & WATCHING) this.callbacks.notify(sub);
      if (flags & MUTABLE) {
        const subSubs = sub.subs;
        if (subSubs !== 0) {
          const nextSub = this.nextSub[(link = subSubs)] as number;
          if (nextSub !== 0) {
            stack.push(next);
            next = nextSub;
          }
          continue;
        }
      }
      if ((link = next) !== 0) {
        next = this.nextSub[link] as number;
        continue;
      }
      while (stack.length > 0) {
        link = stack.pop() as number;
        if (link !== 0) {
          next = this.nextSub[link] as number;
          continue top;
        }
      }
      break;
    }
  }

  checkDirty(link: number, sub: LinkedNode): boolean {
    const stack: number[] = [];
    let checkDepth = 0;
    let dirty = false;
    top: for (;;) {
      const dep = this.dep[link] as LinkedNode;
      const flags = dep.flags;
      if (sub.flags & DIRTY) {
        dirty = true;
      } else if ((flags & (MUTABLE | DIRTY)) === (MUTABLE | DIRTY)) {
        const subs = dep.subs;
        if (this.callbacks.update(dep)) {
          if (this.nextSub[subs] !== 0) this.shallowPropagate(subs);
          dirty = true;
        }
      } else if ((flags & (MUTABLE | PENDING)) === (MUTABLE | PENDING)) {
        stack.push(link);
        link = dep.deps as number;
        sub = dep;
        ++checkDepth;
        continue;
      }
      if (!dirty) {
        const nextDep = this.nextDep[link] as number;
        if (nextDep !== 0) {
          link = nextDep;
          continue;
        }
      }
      while (checkDepth--) {
        link = stack.pop() as number;
        if (dirty) {
          const subs = sub.subs;
          if (this.callbacks.update(sub)) {
            if (this.nextSub[subs] !== 0) this.shallowPropagate(subs);
            sub = this.sub[link] as LinkedNode;
            continue;
          }
          dirty = false;
        } else {
          sub.flags &= ~PENDING;
        }
        sub = this.sub[link] as LinkedNode;
        const nextDep = this.nextDep[link] as number;
        if (nextDep !== 0) {
          link = nextDep;
          continue top;
        }
      }
      return dirty && !!sub.flags;
    }
  }

  shallowPropagate(link: number): void {
    do {
      const sub = this.sub[link] as LinkedNode;
      const flags = sub.flags;
      if ((flags & (PENDING | DIRTY)) === PENDING) {
        sub.flags = flags | DIRTY;
        if ((flags & (WATCHING | RECURSED_CHECK)) === WATCHING) this.callbacks.notify(sub);
      }
    } while ((link = this.nextSub[link] as number) !== 0);
  }

  private isValidLink(checkLink: number, sub: LinkedNode): boolean {
    for (let link = sub.depsTail as number; link !== 0; link = this.prevDep[link] as number) {
      if (link === checkLink) return true;
    }
    return false;
  }
}
