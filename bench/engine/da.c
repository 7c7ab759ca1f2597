/* Reference implementation for scripts/bench.d/engine: the same student-proposing deferred acceptance as
 * MatchingEngine (SplitMix64 lottery sorted by a 4-pass radix sort, rankings regrouped by student,
 * per-choice priority keys tier<<32|lottery rank, a reserved-seat max-heap and an open-seat max-heap per
 * position), on the same binary instance file. Prints key=value figures.
 *   cc -O2 -o da da.c && ./da INSTANCE.bin
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#define EXCLUDED UINT64_MAX

static void *xmalloc(size_t n) { void *p = malloc(n ? n : 1); if (!p) { perror("malloc"); exit(1); } return p; }
static void *xcalloc(size_t n, size_t s) { void *p = calloc(n ? n : 1, s); if (!p) { perror("calloc"); exit(1); } return p; }

static void readall(FILE *f, void *dst, size_t n) { if (n && fread(dst, 1, n, f) != n) { fprintf(stderr, "short read\n"); exit(1); } }

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }

static inline uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static inline void heap_push(uint64_t *h, int count, uint64_t key) {
    int i = count;
    while (i > 0) { int parent = (i - 1) >> 1; if (h[parent] >= key) break; h[i] = h[parent]; i = parent; }
    h[i] = key;
}

static inline void heap_replace_top(uint64_t *h, int count, uint64_t key) {
    int i = 0;
    for (;;) {
        int l = 2 * i + 1; if (l >= count) break;
        int c = l; if (l + 1 < count && h[l + 1] > h[l]) c = l + 1;
        if (h[c] <= key) break;
        h[i] = h[c]; i = c;
    }
    h[i] = key;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: da INSTANCE.bin\n"); return 2; }
    FILE *f = fopen(argv[1], "rb"); if (!f) { perror(argv[1]); return 1; }
    char magic[4]; uint32_t version, hdr[5]; uint64_t seed;
    readall(f, magic, 4); readall(f, &version, 4); readall(f, &seed, 8); readall(f, hdr, 20);
    if (memcmp(magic, "WBLI", 4) || version != 1) { fprintf(stderr, "not a WBLI v1 file\n"); return 1; }
    int n = hdr[0], m = hdr[1], E = hdr[2], R = hdr[3], F = hdr[4];
    int32_t *prefStart = xmalloc(4 * (size_t)(n + 1)), *prefs = xmalloc(4 * (size_t)E);
    uint8_t *eligible = xmalloc(n), *hasRanking = xmalloc(m);
    int32_t *capacity = xmalloc(4 * (size_t)m), *reserved = xmalloc(4 * (size_t)m), *rankStart = xmalloc(4 * (size_t)(m + 1));
    int32_t *rankStudent = xmalloc(4 * (size_t)R), *rankTier = xmalloc(4 * (size_t)R);
    int32_t *infStudent = xmalloc(4 * (size_t)F), *infPosition = xmalloc(4 * (size_t)F), *infReason = xmalloc(4 * (size_t)F);
    readall(f, prefStart, 4 * (size_t)(n + 1)); readall(f, prefs, 4 * (size_t)E); readall(f, eligible, n);
    readall(f, capacity, 4 * (size_t)m); readall(f, reserved, 4 * (size_t)m); readall(f, hasRanking, m);
    readall(f, rankStart, 4 * (size_t)(m + 1)); readall(f, rankStudent, 4 * (size_t)R); readall(f, rankTier, 4 * (size_t)R);
    readall(f, infStudent, 4 * (size_t)F); readall(f, infPosition, 4 * (size_t)F); readall(f, infReason, 4 * (size_t)F);
    fclose(f);

    double t0 = now();
    /* 1. Lottery: draw i = mix(seed + (i+1)·gamma); order by (draw, i) with a stable LSD radix sort. */
    uint64_t *draws = xmalloc(8 * (size_t)n);
    uint64_t state = seed;
    for (int i = 0; i < n; i++) { state += 0x9E3779B97F4A7C15ULL; draws[i] = mix(state); }
    int32_t *order = xmalloc(4 * (size_t)n), *tmp = xmalloc(4 * (size_t)n);
    size_t *count = xmalloc(sizeof(size_t) * 65537);
    for (int i = 0; i < n; i++) order[i] = i;
    for (int shift = 0; shift < 64; shift += 16) {
        memset(count, 0, sizeof(size_t) * 65537);
        for (int i = 0; i < n; i++) count[((draws[i] >> shift) & 0xFFFF) + 1]++;
        for (int d = 0; d < 65536; d++) count[d + 1] += count[d];
        for (int i = 0; i < n; i++) { int32_t s = order[i]; tmp[count[(draws[s] >> shift) & 0xFFFF]++] = s; }
        int32_t *t = order; order = tmp; tmp = t;
    }
    free(tmp); free(count); free(draws);
    int32_t *rank = xmalloc(4 * (size_t)n);
    for (int k = 0; k < n; k++) rank[order[k]] = k;

    /* 2. Rankings regrouped by student (counting sort). */
    int32_t *pairStart = xcalloc((size_t)n + 1, 4), *pairPos = xmalloc(4 * (size_t)R), *pairTier = xmalloc(4 * (size_t)R);
    for (int k = 0; k < R; k++) pairStart[rankStudent[k] + 1]++;
    for (int s = 0; s < n; s++) pairStart[s + 1] += pairStart[s];
    int32_t *fill = xmalloc(4 * (size_t)(n + 1)); memcpy(fill, pairStart, 4 * (size_t)(n + 1));
    for (int p = 0; p < m; p++)
        for (int k = rankStart[p]; k < rankStart[p + 1]; k++) { int s = rankStudent[k]; int at = fill[s]++; pairPos[at] = p; pairTier[at] = rankTier[k]; }
    free(fill);

    /* 3. Priority key of every listed choice (infeasible pairs come grouped by student). */
    uint64_t *keys = xmalloc(8 * (size_t)E);
    int32_t *scratch = xcalloc((size_t)m, 4);
    int fi = 0;
    for (int s = 0; s < n; s++) {
        for (int a = pairStart[s]; a < pairStart[s + 1]; a++) scratch[pairPos[a]] = pairTier[a];
        int f0 = fi;
        while (fi < F && infStudent[fi] == s) { scratch[infPosition[fi]] = -1; fi++; }
        uint64_t lot = (uint32_t)rank[s];
        for (int k = prefStart[s]; k < prefStart[s + 1]; k++) {
            int p = prefs[k]; int32_t t = scratch[p];
            if (t < 0) keys[k] = EXCLUDED;
            else if (hasRanking[p]) keys[k] = t > 0 ? ((uint64_t)(uint32_t)t << 32 | lot) : EXCLUDED;
            else keys[k] = (1ULL << 32) | lot;
        }
        for (int a = pairStart[s]; a < pairStart[s + 1]; a++) scratch[pairPos[a]] = 0;
        for (int x = f0; x < fi; x++) scratch[infPosition[x]] = 0;
    }
    free(scratch); free(pairStart); free(pairPos); free(pairTier);

    /* 4. Deferred acceptance: reserved-seat heap [base, base+r), open-seat heap [base+r, base+r+c). */
    size_t *base = xmalloc(sizeof(size_t) * ((size_t)m + 1));
    base[0] = 0;
    for (int p = 0; p < m; p++) base[p + 1] = base[p] + (size_t)capacity[p] + (size_t)reserved[p];
    uint64_t *heap = xmalloc(8 * base[m]);
    int32_t *rc = xcalloc((size_t)m, 4), *oc = xcalloc((size_t)m, 4);
    int32_t *assignment = xmalloc(4 * (size_t)n), *next = xmalloc(4 * (size_t)(n + 1));
    for (int s = 0; s < n; s++) assignment[s] = -1;
    memcpy(next, prefStart, 4 * (size_t)(n + 1));
    long long proposals = 0;
    for (int first = 0; first < n; first++) {
        int s = first;
        for (;;) {
            int k = next[s], end = prefStart[s + 1];
            int displaced = -1, placed = 0;
            while (k < end) {
                uint64_t key = keys[k]; int p = prefs[k]; k++;
                if (key == EXCLUDED) continue;
                proposals++;
                int c = capacity[p]; if (c == 0) continue;
                int r = reserved[p]; uint64_t *h = heap + base[p];
                uint64_t cand = key, rejected;
                if (eligible[s] && r > 0) {
                    if (rc[p] < r) {
                        heap_push(h, rc[p], key); rc[p]++;
                        if (rc[p] + oc[p] <= c) { rejected = EXCLUDED; goto decided; }
                        uint64_t *o = h + r; rejected = o[0]; oc[p]--;
                        if (oc[p] > 0) heap_replace_top(o, oc[p], o[oc[p]]);
                        goto decided;
                    }
                    if (key < h[0]) { cand = h[0]; heap_replace_top(h, rc[p], key); }
                }
                {
                    uint64_t *o = h + r;
                    if (rc[p] + oc[p] < c) { heap_push(o, oc[p], cand); oc[p]++; rejected = EXCLUDED; }
                    else if (oc[p] == 0 || cand > o[0]) rejected = cand;
                    else { rejected = o[0]; heap_replace_top(o, oc[p], cand); }
                }
            decided:
                if (rejected == key) continue;
                assignment[s] = p; placed = 1;
                if (rejected != EXCLUDED) displaced = order[rejected & 0xFFFFFFFF];
                break;
            }
            next[s] = k;
            (void)placed;
            if (displaced < 0) break;
            assignment[displaced] = -1;
            s = displaced;
        }
    }
    double t1 = now();

    long matched = 0; uint64_t checksum = 0xcbf29ce484222325ULL;
    for (int s = 0; s < n; s++) { if (assignment[s] >= 0) matched++; checksum = (checksum ^ (uint32_t)assignment[s]) * 0x100000001b3ULL; }
    struct rusage ru; getrusage(RUSAGE_SELF, &ru);
    printf("build_solve_seconds=%.3f\nproposals=%lld\nmatched=%ld\nchecksum=%llx\nmax_rss_kib=%ld\n",
           t1 - t0, proposals, matched, (unsigned long long)checksum, ru.ru_maxrss);
    return 0;
}
