/* The decoding lattice in C: the same trigram scores, Viterbi and local confidence as
 * lattice.py, for a whole text in one call.  Built on first use by clattice.py (the
 * system's C compiler, no download); where it cannot be built the Python code runs.
 *
 * Every operation is done in the order lattice.py does it, so the two give the same
 * path and, bit for bit, the same scores: states are kept in insertion order, a state
 * is replaced only by a strictly better score, pruning keeps the best BEAM in a stable
 * order (heapq.nlargest), the final state is the first best one.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define N ((int64_t)1 << 21)
#define EMPTY (-1)

typedef struct {
    const int64_t *keys; /* open addressing, EMPTY marks a free slot */
    const double *vals;
    int64_t mask;
} table;

static inline uint64_t mix(uint64_t x) {
    x ^= x >> 33; x *= 0xff51afd7ed558ccdULL; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53ULL; x ^= x >> 33;
    return x;
}

/* Fill an open-addressing table of `size` slots (a power of two) from n (key, value) pairs. */
void build_table(const int64_t *keys, const double *vals, int64_t n, int64_t *out_keys, double *out_vals,
                 int64_t size) {
    int64_t mask = size - 1;
    for (int64_t i = 0; i < size; i++) out_keys[i] = EMPTY;
    for (int64_t i = 0; i < n; i++) {
        int64_t s = (int64_t)(mix((uint64_t)keys[i]) & (uint64_t)mask);
        while (out_keys[s] != EMPTY) s = (s + 1) & mask;
        out_keys[s] = keys[i];
        out_vals[s] = vals[i];
    }
}

static inline int get(const table *t, int64_t k, double *out) {
    int64_t s = (int64_t)(mix((uint64_t)k) & (uint64_t)t->mask);
    for (;;) {
        int64_t x = t->keys[s];
        if (x == k) { *out = t->vals[s]; return 1; }
        if (x == EMPTY) return 0;
        s = (s + 1) & t->mask;
    }
}

#define MEMO_BITS 16
typedef struct {
    int64_t key;
    double val;
} memo_t;

typedef struct {
    table tri, bo2, bi;
    const double *bo1, *back; /* by id; ids past the model's vocabulary included */
    memo_t *memo; /* direct-mapped, 2^MEMO_BITS slots: a triple scored lately is not looked up again */
} lm_t;

static inline double score(const lm_t *lm, int64_t u, int64_t v, int64_t w) {
    double x, b, y;
    int64_t uv = u * N + v, k = uv * N + w;
    memo_t *m = &lm->memo[mix((uint64_t)k) & (((uint64_t)1 << MEMO_BITS) - 1)];
    if (m->key == k) return m->val;
    if (!get(&lm->tri, k, &x)) {
        if (!get(&lm->bo2, uv, &b)) b = 0.0;
        x = get(&lm->bi, v * N + w, &y) ? b + y : b + lm->bo1[v] + lm->back[w];
    }
    m->key = k;
    m->val = x;
    return x;
}

typedef struct {
    int64_t key; /* u * N + v */
    double sc;
    int32_t bp; /* index of the previous state in its column */
    int32_t ci;
} state;

static int has_pair(const int64_t *pairs, int64_t npairs, int64_t k) {
    int64_t lo = 0, hi = npairs;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (pairs[mid] < k) lo = mid + 1; else hi = mid;
    }
    return lo < npairs && pairs[lo] == k;
}

/* Insert or improve the state `key` among `*n` states (insertion order kept); `slot` is a
 * small hash from key to index, `cap` its size (a power of two). */
static inline void offer(state *st, int32_t *n, int32_t *slot, int32_t cap, int64_t key, double sc, int32_t bp,
                         int32_t ci) {
    int32_t s = (int32_t)(mix((uint64_t)key) & (uint64_t)(cap - 1));
    while (slot[s] >= 0) {
        state *o = &st[slot[s]];
        if (o->key == key) {
            if (sc > o->sc) { o->sc = sc; o->bp = bp; o->ci = ci; }
            return;
        }
        s = (s + 1) & (cap - 1);
    }
    slot[s] = *n;
    st[*n].key = key; st[*n].sc = sc; st[*n].bp = bp; st[*n].ci = ci;
    (*n)++;
}

/* Decode blocks of columns.
 *   lm tables: tri/bo2/bi keys, values and masks; bo1/back by id.
 *   blocks: nblocks + 1 offsets into the columns.
 *   cols: ncols + 1 offsets into the candidates; flags per column: 1 compound, 2 place bonus.
 *   cand_a, cand_b (-1: a single syllable), cand_cl: per candidate.
 *   pairs: sorted packed (v * N + w) place-name pairs; bos, eos ids; beam, prune, bonus.
 * Writes path (per column, the chosen candidate) and, for each column with more than one
 * candidate, each candidate's posterior given the chosen neighbours into probs. */
int decode(const int64_t *tri_k, const double *tri_v, int64_t tri_mask, const int64_t *bo2_k, const double *bo2_v,
           int64_t bo2_mask, const int64_t *bi_k, const double *bi_v, int64_t bi_mask, const double *bo1,
           const double *back, int64_t nblocks, const int64_t *blocks, const int64_t *cols, const int8_t *flags,
           const int64_t *cand_a, const int64_t *cand_b, const double *cand_cl, const int64_t *pairs, int64_t npairs,
           int64_t bos, int64_t eos, int32_t beam, double prune, double bonus, int32_t *path, double *probs) {
    lm_t lm = {{tri_k, tri_v, tri_mask}, {bo2_k, bo2_v, bo2_mask}, {bi_k, bi_v, bi_mask}, bo1, back, NULL};
    int64_t maxc = 1, maxlen = 1;
    for (int64_t b = 0; b < nblocks; b++)
        if (blocks[b + 1] - blocks[b] > maxlen) maxlen = blocks[b + 1] - blocks[b];
    for (int64_t c = 0; c < blocks[nblocks]; c++)
        if (cols[c + 1] - cols[c] > maxc) maxc = cols[c + 1] - cols[c];
    int32_t cap = 1;
    while (cap < 2 * beam * maxc + 2) cap <<= 1;
    /* per column of a block: at most beam states kept (more while a column is built) */
    state *hist = malloc(sizeof(state) * (size_t)maxlen * (size_t)beam);
    state *cur = malloc(sizeof(state) * (size_t)cap);
    int32_t *slot = malloc(sizeof(int32_t) * (size_t)cap);
    int64_t *ka = malloc(sizeof(int64_t) * (size_t)maxlen), *kb = malloc(sizeof(int64_t) * (size_t)maxlen);
    double *sc = malloc(sizeof(double) * (size_t)maxc);
    memo_t *memo = malloc(sizeof(memo_t) << MEMO_BITS);
    int rc = 0;
    if (!hist || !cur || !slot || !ka || !kb || !sc || !memo) {
        rc = -1;
        goto done;
    }
    for (int64_t i = 0; i < ((int64_t)1 << MEMO_BITS); i++) memo[i].key = EMPTY;
    lm.memo = memo;
    for (int64_t b = 0; b < nblocks; b++) {
        int64_t c0 = blocks[b], ncol = blocks[b + 1] - c0;
        state start = {bos * N + bos, 0.0, -1, -1};
        const state *prev = &start;
        int32_t nprev = 1;
        for (int64_t i = 0; i < ncol; i++) {
            int64_t c = c0 + i, lo = cols[c], hi = cols[c + 1];
            int32_t n = 0;
            for (int32_t s = 0; s < cap; s++) slot[s] = -1;
            int compound = flags[c] & 1, place = (flags[c] & 2) && !compound;
            for (int32_t p = 0; p < nprev; p++) {
                int64_t u = prev[p].key / N, v = prev[p].key % N;
                double base = prev[p].sc;
                for (int64_t j = lo; j < hi; j++) {
                    int64_t a = cand_a[j], bb = cand_b[j];
                    double t;
                    int64_t nk;
                    if (compound && bb >= 0) {
                        t = base + score(&lm, u, v, a) + score(&lm, v, a, bb) + cand_cl[j];
                        nk = a * N + bb;
                    } else {
                        t = base + score(&lm, u, v, a) + cand_cl[j];
                        if (place && has_pair(pairs, npairs, v * N + a)) t += bonus;
                        nk = v * N + a;
                    }
                    offer(cur, &n, slot, cap, nk, t, p, (int32_t)(j - lo));
                }
            }
            state *out = &hist[i * beam];
            if (hi - lo > 1 && n > 1) {
                double best = cur[0].sc;
                for (int32_t s = 1; s < n; s++) if (cur[s].sc > best) best = cur[s].sc;
                double floor_ = best - prune;
                int32_t m = 0;
                for (int32_t s = 0; s < n; s++) if (cur[s].sc >= floor_) cur[m++] = cur[s];
                n = m;
                if (n > beam) {
                    /* the best `beam`, best first, ties in insertion order (heapq.nlargest) */
                    for (int32_t k = 0; k < beam; k++) {
                        int32_t bi_ = k;
                        for (int32_t s = k + 1; s < n; s++) if (cur[s].sc > cur[bi_].sc) bi_ = s;
                        state tmp = cur[bi_];
                        memmove(&cur[k + 1], &cur[k], sizeof(state) * (size_t)(bi_ - k));
                        cur[k] = tmp;
                    }
                    n = beam;
                }
            }
            if (n > beam) { /* a one-candidate column cannot grow the states past the beam */
                rc = -2;
                goto done;
            }
            memcpy(out, cur, sizeof(state) * (size_t)n);
            prev = out;
            nprev = n;
        }
        /* the best final state, then back through the columns */
        int32_t best_i = -1;
        double best = -INFINITY;
        for (int32_t p = 0; p < nprev; p++) {
            double t = prev[p].sc + score(&lm, prev[p].key / N, prev[p].key % N, eos);
            if (t > best) { best = t; best_i = p; }
        }
        if (best_i < 0) { /* no finite path (a column without candidates, or scores of -inf or NaN) */
            rc = -3;
            goto done;
        }
        for (int64_t i = ncol - 1; i >= 0; i--) {
            const state *s = &hist[i * beam + best_i];
            path[c0 + i] = s->ci;
            best_i = s->bp;
        }
        /* the chosen keys, then each candidate's posterior given its chosen neighbours */
        for (int64_t i = 0; i < ncol; i++) {
            int64_t j = cols[c0 + i] + path[c0 + i];
            ka[i] = cand_a[j];
            kb[i] = cand_b[j];
        }
        for (int64_t i = 0; i < ncol; i++) {
            int64_t c = c0 + i, lo = cols[c], hi = cols[c + 1];
            if (hi - lo < 2) continue;
            int64_t left[4], right[4];
            int nl = 0, nr = 0;
            for (int64_t k = i - 1; k >= 0 && nl < 2; k--) { /* flattened, nearest last */
                if (kb[k] >= 0) { left[nl++] = kb[k]; if (nl < 2) left[nl++] = ka[k]; }
                else left[nl++] = ka[k];
            }
            int64_t l1 = nl > 0 ? left[0] : bos, l2 = nl > 1 ? left[1] : bos;
            for (int64_t k = i + 1; k < ncol && nr < 2; k++) {
                right[nr++] = ka[k];
                if (kb[k] >= 0 && nr < 2) right[nr++] = kb[k];
            }
            int64_t r1 = nr > 0 ? right[0] : eos, r2 = nr > 1 ? right[1] : eos;
            double m = -INFINITY;
            for (int64_t j = lo; j < hi; j++) {
                double s;
                int64_t w = cand_a[j], w2 = cand_b[j];
                if (w2 >= 0)
                    s = cand_cl[j] + score(&lm, l2, l1, w) + score(&lm, l1, w, w2) + score(&lm, w, w2, r1) +
                        score(&lm, w2, r1, r2);
                else
                    s = cand_cl[j] + score(&lm, l2, l1, w) + score(&lm, l1, w, r1) + score(&lm, w, r1, r2);
                sc[j - lo] = s;
                if (j == lo || s > m) m = s;
            }
            double z = 0.0;
            for (int64_t j = lo; j < hi; j++) { sc[j - lo] = exp(sc[j - lo] - m); z += sc[j - lo]; }
            for (int64_t j = lo; j < hi; j++) probs[j] = sc[j - lo] / z;
        }
    }
done:
    free(hist); free(cur); free(slot); free(ka); free(kb); free(sc); free(memo);
    return rc;
}
