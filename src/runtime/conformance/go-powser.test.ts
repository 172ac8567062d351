// Port of Go's test/chan/powser1.go (Doug McIlroy's power series, "Squinting at Power Series"):
// a power series is a demand channel pair — send a request on `req`, receive the next rational
// coefficient on `dat` — and every operator is a task. It exercises select over sends and
// receives with nil-disabled cases, deep task graphs spawned while running, and splitting one
// stream for two readers at different rates.
import { describe, expect, it } from "vitest";
import { chan, go, recv, select, send, type Chan } from "../index.ts";
import { runOk } from "./harness.ts";

interface Rat {
  num: number;
  den: number;
}

interface Dch {
  req: Chan<number>;
  dat: Chan<Rat>;
}

type Dch2 = [Dch, Dch];

function gcd(u: number, v: number): number {
  if (u < 0) return gcd(-u, v);
  if (u === 0) return v;
  return gcd(v % u, u);
}

function i2tor(u: number, v: number): Rat {
  const g = gcd(u, v);
  return v > 0 ? { num: u / g, den: v / g } : { num: -u / g, den: -v / g };
}

const itor = (u: number): Rat => i2tor(u, 1);
const zero = itor(0);
const one = itor(1);
/** The end mark: a denominator of zero. */
const finis = i2tor(1, 0);
const end = (u: Rat): number => (u.den === 0 ? 1 : 0);

function add(u: Rat, v: Rat): Rat {
  const g = gcd(u.den, v.den);
  return i2tor(u.num * (v.den / g) + v.num * (u.den / g), u.den * (v.den / g));
}

function mul(u: Rat, v: Rat): Rat {
  const g1 = gcd(u.num, v.den);
  const g2 = gcd(u.den, v.num);
  return { num: (u.num / g1) * (v.num / g2), den: (u.den / g2) * (v.den / g1) };
}

const neg = (u: Rat): Rat => i2tor(-u.num, u.den);
const show = (u: Rat): string => (u.den === 1 ? `${u.num}` : `${u.num}/${u.den}`);

/** Builds the power-series operators over one shared request counter, as powser1.go's globals. */
function powerSeries() {
  let seqno = 0;
  const mkdch = (): Dch => ({ req: chan<number>(), dat: chan<Rat>() });
  const mkdch2 = (): Dch2 => [mkdch(), mkdch()];

  async function get(inp: Dch): Promise<Rat> {
    seqno++;
    await inp.req.send(seqno);
    return (await inp.dat.recv()) as Rat;
  }

  async function put(dat: Rat, out: Dch): Promise<void> {
    await out.req.recv();
    await out.dat.send(dat);
  }

  /** One item from each of two series, requests and replies in whatever order they come. */
  async function get2(in0: Dch, in1: Dch): Promise<[Rat, Rat]> {
    const req: (Chan<number> | null)[] = [in0.req, in1.req];
    const dat: (Chan<Rat> | null)[] = [null, null];
    const out: Rat[] = [zero, zero];
    for (let n = 4; n > 0; n--) {
      seqno++;
      await select(
        send(req[0], seqno, () => void ((dat[0] = in0.dat), (req[0] = null))),
        send(req[1], seqno, () => void ((dat[1] = in1.dat), (req[1] = null))),
        recv(dat[0], (it) => void ((out[0] = it as Rat), (dat[0] = null))),
        recv(dat[1], (it) => void ((out[1] = it as Rat), (dat[1] = null))),
      );
    }
    return [out[0], out[1]];
  }

  async function copy(inp: Dch, out: Dch): Promise<never> {
    for (;;) {
      await out.req.recv();
      await out.dat.send(await get(inp));
    }
  }

  // split: one generation per item; the newest serves out[0], the oldest out[1], and a
  // release signal tells the next newer generation to start serving out[1].
  async function dosplit(inp: Dch, out: Dch2, wait: Chan<number>): Promise<void> {
    let both = false;
    const first = await select(
      recv(out[0].req, () => "req"),
      recv(wait, () => "wait"),
    );
    if (first === "wait") {
      both = true;
      const which = await select(
        recv(out[0].req, () => 0),
        recv(out[1].req, () => 1),
      );
      if (which === 1) [out[0], out[1]] = [out[1], out[0]];
    }
    seqno++;
    await inp.req.send(seqno);
    const release = chan<number>();
    go("dosplit", () => dosplit(inp, out, release));
    const dat = (await inp.dat.recv()) as Rat;
    await out[0].dat.send(dat);
    if (!both) await wait.recv();
    await out[1].req.recv();
    await out[1].dat.send(dat);
    await release.send(0);
  }

  async function split(inp: Dch, out: Dch2): Promise<void> {
    const release = chan<number>();
    go("dosplit", () => dosplit(inp, out, release));
    await release.send(0);
  }

  function Split(U: Dch): Dch2 {
    const UU = mkdch2();
    go("split", () => split(U, UU));
    return UU;
  }

  function Add(U: Dch, V: Dch): Dch {
    const Z = mkdch();
    go("add", async () => {
      for (;;) {
        await Z.req.recv();
        const uv = await get2(U, V);
        switch (end(uv[0]) + 2 * end(uv[1])) {
          case 0:
            await Z.dat.send(add(uv[0], uv[1]));
            break;
          case 1:
            await Z.dat.send(uv[1]);
            await copy(V, Z);
            break;
          case 2:
            await Z.dat.send(uv[0]);
            await copy(U, Z);
            break;
          default:
            await Z.dat.send(finis);
        }
      }
    });
    return Z;
  }

  function Cmul(c: Rat, U: Dch): Dch {
    const Z = mkdch();
    go("cmul", async () => {
      for (let done = false; !done; ) {
        await Z.req.recv();
        const u = await get(U);
        if (end(u) !== 0) done = true;
        else await Z.dat.send(mul(c, u));
      }
      await Z.dat.send(finis);
    });
    return Z;
  }

  const Sub = (U: Dch, V: Dch): Dch => Add(U, Cmul(neg(one), V));

  function Rep(c: Rat): Dch {
    const Z = mkdch();
    go("repeat", async () => {
      for (;;) await put(c, Z);
    });
    return Z;
  }

  function Diff(U: Dch): Dch {
    const Z = mkdch();
    go("diff", async () => {
      await Z.req.recv();
      let u = await get(U);
      if (end(u) === 0) {
        for (let i = 1, done = false; !done; i++) {
          u = await get(U);
          if (end(u) !== 0) done = true;
          else {
            await Z.dat.send(mul(itor(i), u));
            await Z.req.recv();
          }
        }
      }
      await Z.dat.send(finis);
    });
    return Z;
  }

  function Integ(c: Rat, U: Dch): Dch {
    const Z = mkdch();
    go("integ", async () => {
      await put(c, Z);
      for (let i = 1, done = false; !done; i++) {
        await Z.req.recv();
        const u = await get(U);
        if (end(u) !== 0) done = true;
        await Z.dat.send(mul(i2tor(1, i), u));
      }
      await Z.dat.send(finis);
    });
    return Z;
  }

  // Multiply: U = u + x·UU, V = v + x·VV ⇒ UV = u·v + x·(u·VV + v·UU) + x²·UU·VV.
  function Mul(U: Dch, V: Dch): Dch {
    const Z = mkdch();
    go("mul", async () => {
      await Z.req.recv();
      const uv = await get2(U, V);
      if (end(uv[0]) !== 0 || end(uv[1]) !== 0) {
        await Z.dat.send(finis);
        return;
      }
      await Z.dat.send(mul(uv[0], uv[1]));
      const UU = Split(U);
      const VV = Split(V);
      const W = Add(Cmul(uv[0], VV[0]), Cmul(uv[1], UU[0]));
      await Z.req.recv();
      await Z.dat.send(await get(W));
      await copy(Add(W, Mul(UU[1], VV[1])), Z);
    });
    return Z;
  }

  // exp(U) for U with constant term 0: Z' = Z·U', integrated with Z(0) = 1.
  async function Exp(U: Dch): Promise<Dch> {
    const ZZ = mkdch2();
    await split(Integ(one, Mul(ZZ[0], Diff(U))), ZZ);
    return ZZ[1];
  }

  // U(c·xⁿ): each coefficient times cⁱ, followed by n-1 zeros.
  function MonSubst(U: Dch, c0: Rat, n: number): Dch {
    const Z = mkdch();
    go("monsubst", async () => {
      let c = one;
      for (;;) {
        await Z.req.recv();
        const u = await get(U);
        await Z.dat.send(mul(u, c));
        c = mul(c, c0);
        if (end(u) !== 0) {
          await Z.dat.send(finis);
          break;
        }
        for (let i = 1; i < n; i++) {
          await Z.req.recv();
          await Z.dat.send(zero);
        }
      }
    });
    return Z;
  }

  /** The first n coefficients, as text. */
  async function take(U: Dch, n: number): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(show(await get(U)));
    return out;
  }

  return { Add, Cmul, Sub, Rep, Diff, Integ, Mul, Exp, MonSubst, take };
}

/** FIFO scheduling, then explore mode under a few seeds: the answers must not depend on interleaving. */
const SCHEDULES = [{ explore: false, seed: 1 }, ...[1, 2, 3].map((seed) => ({ explore: true, seed }))];

describe("powser1.go", () => {
  for (const sched of SCHEDULES) {
    it(`power-series operators built from demand channels compute the right coefficients (${sched.explore ? `explore, seed ${sched.seed}` : "FIFO"})`, async () => {
      const got: Record<string, string[]> = {};
      await runOk(
        async () => {
          const { Add, Cmul, Sub, Rep, Diff, Integ, Mul, Exp, MonSubst, take } = powerSeries();
          const Ones = Rep(one);
          const Twos = Rep(itor(2));
          got.ones = await take(Ones, 5);
          got.addOnesOnes = await take(Add(Ones, Ones), 5);
          got.addOnesTwos = await take(Add(Ones, Twos), 5);
          got.diff = await take(Diff(Ones), 10);
          got.integ = await take(Integ(zero, Ones), 10);
          got.cmul = await take(Cmul(neg(one), Twos), 10);
          got.sub = await take(Sub(Ones, Twos), 5);
          got.mul = await take(Mul(Ones, Ones), 10);
          got.exp = await take(await Exp(Ones), 10);
          got.atan = await take(Integ(zero, MonSubst(Ones, neg(one), 2)), 10);
        },
        { trace: false, ...sched },
      );
      expect(got).toEqual({
        ones: ["1", "1", "1", "1", "1"],
        addOnesOnes: ["2", "2", "2", "2", "2"],
        addOnesTwos: ["3", "3", "3", "3", "3"],
        diff: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
        integ: ["0", "1", "1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8", "1/9"],
        cmul: Array(10).fill("-2"),
        sub: ["-1", "-1", "-1", "-1", "-1"],
        mul: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
        exp: ["1", "1", "3/2", "13/6", "73/24", "167/40", "4051/720", "37633/5040", "43817/4480", "4596553/362880"],
        atan: ["0", "1", "0", "-1/3", "0", "1/5", "0", "-1/7", "0", "1/9"],
      });
    });
  }
});
