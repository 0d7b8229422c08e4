;; The engine's SIMD kernels, loaded by engine-kernels.ts. Each gives bit for bit what the scalar
;; JavaScript beside it gives (WebAssembly SIMD has no fused multiply-add and rounds each lane's operation as
;; the scalar one does); tests/engine checks both against it.
;;
;; run: both parties' per-sample filters, caller in lane 0 and agent in lane 1 of f64x2 — the
;; K-weighting (with the sample peak), the voice band filter and the raw energy of fused-filter-pass.ts,
;; operation for operation and in the same order (2 y is written y + y, the same number). Timed alone on
;; 128-frame runs (Node 20, 2-core EPYC VM, best of 200 alternated): one loop of everything 10.2 ns a frame;
;; the frames converted and their peaks taken first, then three loops (K-weighting and raw energy; the voice
;; band's first two sections; its third) 9.8. Splitting further (a loop per section) was slower: 11.2.
;;
;; Memory (two pages), filled and read by stereo-filter-pass.ts (run) and wav-codec.ts (pcm16):
;;   [0, 4096)     input: the caller's samples, up to 1024 as f32
;;   [4096, 8192)  input: the agent's samples, as many
;;   [8192, 8736)  34 f64 pairs (caller, agent), in this order: the K-weighting's 7 coefficients
;;                 (b0 b1 b2 a1 a2 c1 c2), the voice band's 8 (a01 a02 a11 a12 a21 a22 m1 m2), the
;;                 K-weighting's 8 states (x1 x2 y1 y2 z1 z2 hi lo), the voice band's 8 (v1 v2 p1 p2 q1 q2
;;                 r1 r2), then the three sums (K-weighted, voice band, raw). States and sums are written back.
;;   [65536, 81920) run's scratch: the frames as (caller, agent) f64 pairs,
;;   [81920, 98304) and the voice band's second section's outputs.
;; run(n) filters the first n frames (1 ≤ n ≤ 1024).
;;
;; pcm16(n) reads 16-bit stereo PCM as wav-codec.ts's JavaScript does, 4 frames at a time: n frames
;; (a multiple of 4, ≤ 4096) of interleaved little-endian int16 at [16384, 32768) become the left
;; channel's floats at [32768, 49152) and the right's at [49152, 65536), each sample × 2^-15 (exact).
(module
  (memory (export "memory") 2)
  (func (export "run") (param $n i32)
    (local $i i32) (local $end i32)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $a1 v128) (local $a2 v128)
    (local $c1 v128) (local $c2 v128)
    (local $a01 v128) (local $a02 v128) (local $a11 v128) (local $a12 v128) (local $a21 v128)
    (local $a22 v128) (local $m1 v128) (local $m2 v128)
    (local $x1 v128) (local $x2 v128) (local $y1 v128) (local $y2 v128) (local $z1 v128)
    (local $z2 v128) (local $hi v128) (local $lo v128)
    (local $v1 v128) (local $v2 v128) (local $p1 v128) (local $p2 v128) (local $q1 v128)
    (local $q2 v128) (local $r1 v128) (local $r2 v128)
    (local $kSum v128) (local $bandSum v128) (local $rawSum v128)
    (local $x0 v128) (local $y0 v128) (local $z0 v128) (local $p v128) (local $q v128) (local $r v128)
    (local $o i32) (local $qq1 v128) (local $qq2 v128) (local $pair v128) (local $pair2 v128) (local $hi4 v128) (local $lo4 v128)

    (local.set $b0 (v128.load offset=8192 (i32.const 0)))
    (local.set $b1 (v128.load offset=8208 (i32.const 0)))
    (local.set $b2 (v128.load offset=8224 (i32.const 0)))
    (local.set $a1 (v128.load offset=8240 (i32.const 0)))
    (local.set $a2 (v128.load offset=8256 (i32.const 0)))
    (local.set $c1 (v128.load offset=8272 (i32.const 0)))
    (local.set $c2 (v128.load offset=8288 (i32.const 0)))
    (local.set $a01 (v128.load offset=8304 (i32.const 0)))
    (local.set $a02 (v128.load offset=8320 (i32.const 0)))
    (local.set $a11 (v128.load offset=8336 (i32.const 0)))
    (local.set $a12 (v128.load offset=8352 (i32.const 0)))
    (local.set $a21 (v128.load offset=8368 (i32.const 0)))
    (local.set $a22 (v128.load offset=8384 (i32.const 0)))
    (local.set $m1 (v128.load offset=8400 (i32.const 0)))
    (local.set $m2 (v128.load offset=8416 (i32.const 0)))
    (local.set $x1 (v128.load offset=8432 (i32.const 0)))
    (local.set $x2 (v128.load offset=8448 (i32.const 0)))
    (local.set $y1 (v128.load offset=8464 (i32.const 0)))
    (local.set $y2 (v128.load offset=8480 (i32.const 0)))
    (local.set $z1 (v128.load offset=8496 (i32.const 0)))
    (local.set $z2 (v128.load offset=8512 (i32.const 0)))
    (local.set $hi (v128.load offset=8528 (i32.const 0)))
    (local.set $lo (v128.load offset=8544 (i32.const 0)))
    (local.set $v1 (v128.load offset=8560 (i32.const 0)))
    (local.set $v2 (v128.load offset=8576 (i32.const 0)))
    (local.set $p1 (v128.load offset=8592 (i32.const 0)))
    (local.set $p2 (v128.load offset=8608 (i32.const 0)))
    (local.set $q1 (v128.load offset=8624 (i32.const 0)))
    (local.set $q2 (v128.load offset=8640 (i32.const 0)))
    (local.set $r1 (v128.load offset=8656 (i32.const 0)))
    (local.set $r2 (v128.load offset=8672 (i32.const 0)))
    (local.set $kSum (v128.load offset=8688 (i32.const 0)))
    (local.set $bandSum (v128.load offset=8704 (i32.const 0)))
    (local.set $rawSum (v128.load offset=8720 (i32.const 0)))

    ;; First the frames as (caller, agent) f64 pairs at [65536, 81920), four at a time, and the sample
    ;; peaks over the f32 lanes (caller, agent, caller, agent): max and min are exact and any order gives the
    ;; same (NaN in, NaN out; −0 under +0), and promotion keeps the order, so hi and lo are the per-sample
    ;; loop's. The filters then load each frame's pair at once, in three loops over the pairs (shorter
    ;; chains of dependent operations than one loop of everything); each lane still does the scalar loop's
    ;; operations in its order.
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $hi4 (v128.const f32x4 -inf -inf -inf -inf))
    (local.set $lo4 (v128.const f32x4 inf inf inf inf))
    (block $quadsDone
      (br_if $quadsDone (i32.lt_u (local.get $end) (i32.const 16)))
      (loop $quad
        (local.set $x0 (v128.load (local.get $i)))
        (local.set $y0 (v128.load offset=4096 (local.get $i)))
        ;; (c0 a0 c1 a1) and (c2 a2 c3 a3)
        (local.set $pair (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x0) (local.get $y0)))
        (local.set $pair2 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x0) (local.get $y0)))
        (local.set $hi4 (f32x4.max (local.get $hi4) (f32x4.max (local.get $pair) (local.get $pair2))))
        (local.set $lo4 (f32x4.min (local.get $lo4) (f32x4.min (local.get $pair) (local.get $pair2))))
        (v128.store offset=65536 (local.get $o) (f64x2.promote_low_f32x4 (local.get $pair)))
        (v128.store offset=65552 (local.get $o)
          (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $pair) (local.get $pair))))
        (v128.store offset=65568 (local.get $o) (f64x2.promote_low_f32x4 (local.get $pair2)))
        (v128.store offset=65584 (local.get $o)
          (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $pair2) (local.get $pair2))))
        (local.set $o (i32.add (local.get $o) (i32.const 64)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br_if $quad (i32.le_u (i32.add (local.get $i) (i32.const 16)) (local.get $end)))))
    (block $tailDone
      (br_if $tailDone (i32.ge_u (local.get $i) (local.get $end)))
      (loop $tail
        (local.set $pair
          (f32x4.replace_lane 3
            (f32x4.replace_lane 1 (f32x4.splat (f32.load (local.get $i))) (f32.load offset=4096 (local.get $i)))
            (f32.load offset=4096 (local.get $i))))
        (local.set $hi4 (f32x4.max (local.get $hi4) (local.get $pair)))
        (local.set $lo4 (f32x4.min (local.get $lo4) (local.get $pair)))
        (v128.store offset=65536 (local.get $o) (f64x2.promote_low_f32x4 (local.get $pair)))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br_if $tail (i32.lt_u (local.get $i) (local.get $end)))))
    (local.set $hi (f64x2.max (local.get $hi)
      (f64x2.promote_low_f32x4 (f32x4.max (local.get $hi4)
        (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $hi4) (local.get $hi4))))))
    (local.set $lo (f64x2.min (local.get $lo)
      (f64x2.promote_low_f32x4 (f32x4.min (local.get $lo4)
        (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $lo4) (local.get $lo4))))))

    (local.set $end (i32.shl (local.get $n) (i32.const 4)))
    (local.set $i (i32.const 0))
    (loop $next
      (local.set $x0 (v128.load offset=65536 (local.get $i)))
      ;; K-weighting: y0 = b0 x0 + b1 x1 + b2 x2 - a2 y2 - a1 y1; z0 = y0 - 2 y1 + y2 - c2 z2 - c1 z1
      (local.set $y0
        (f64x2.sub
          (f64x2.sub
            (f64x2.add
              (f64x2.add (f64x2.mul (local.get $b0) (local.get $x0))
                         (f64x2.mul (local.get $b1) (local.get $x1)))
              (f64x2.mul (local.get $b2) (local.get $x2)))
            (f64x2.mul (local.get $a2) (local.get $y2)))
          (f64x2.mul (local.get $a1) (local.get $y1))))
      (local.set $z0
        (f64x2.sub
          (f64x2.sub
            (f64x2.add
              (f64x2.sub (local.get $y0) (f64x2.add (local.get $y1) (local.get $y1)))
              (local.get $y2))
            (f64x2.mul (local.get $c2) (local.get $z2)))
          (f64x2.mul (local.get $c1) (local.get $z1))))
      (local.set $x2 (local.get $x1))
      (local.set $x1 (local.get $x0))
      (local.set $y2 (local.get $y1))
      (local.set $y1 (local.get $y0))
      (local.set $z2 (local.get $z1))
      (local.set $z1 (local.get $z0))
      (local.set $kSum (f64x2.add (local.get $kSum) (f64x2.mul (local.get $z0) (local.get $z0))))
      ;; Raw energy.
      (local.set $rawSum (f64x2.add (local.get $rawSum) (f64x2.mul (local.get $x0) (local.get $x0))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end))))

    ;; The voice band's third section reads the second's outputs from the scratch: qq1, qq2 are its q1, q2.
    (local.set $qq1 (local.get $q1))
    (local.set $qq2 (local.get $q2))
    (local.set $i (i32.const 0))
    (loop $next
      (local.set $x0 (v128.load offset=65536 (local.get $i)))
      ;; Voice band: p = x0 - 2 v1 + v2 - a02 p2 - a01 p1; q = p - 2 p1 + p2 - a12 q2 - a11 q1
      (local.set $p
        (f64x2.sub
          (f64x2.sub
            (f64x2.add
              (f64x2.sub (local.get $x0) (f64x2.add (local.get $v1) (local.get $v1)))
              (local.get $v2))
            (f64x2.mul (local.get $a02) (local.get $p2)))
          (f64x2.mul (local.get $a01) (local.get $p1))))
      (local.set $q
        (f64x2.sub
          (f64x2.sub
            (f64x2.add
              (f64x2.sub (local.get $p) (f64x2.add (local.get $p1) (local.get $p1)))
              (local.get $p2))
            (f64x2.mul (local.get $a12) (local.get $q2)))
          (f64x2.mul (local.get $a11) (local.get $q1))))
      (local.set $v2 (local.get $v1))
      (local.set $v1 (local.get $x0))
      (local.set $p2 (local.get $p1))
      (local.set $p1 (local.get $p))
      (local.set $q2 (local.get $q1))
      (local.set $q1 (local.get $q))
      (v128.store offset=81920 (local.get $i) (local.get $q))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end))))
    (local.set $i (i32.const 0))
    (loop $nextR
      (local.set $q (v128.load offset=81920 (local.get $i)))
      ;; r = q + m1 q1 + m2 q2 - a22 r2 - a21 r1
      (local.set $r
        (f64x2.sub
          (f64x2.sub
            (f64x2.add
              (f64x2.add (local.get $q) (f64x2.mul (local.get $m1) (local.get $qq1)))
              (f64x2.mul (local.get $m2) (local.get $qq2)))
            (f64x2.mul (local.get $a22) (local.get $r2)))
          (f64x2.mul (local.get $a21) (local.get $r1))))
      (local.set $qq2 (local.get $qq1))
      (local.set $qq1 (local.get $q))
      (local.set $r2 (local.get $r1))
      (local.set $r1 (local.get $r))
      (local.set $bandSum (f64x2.add (local.get $bandSum) (f64x2.mul (local.get $r) (local.get $r))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $nextR (i32.lt_u (local.get $i) (local.get $end))))

    (v128.store offset=8432 (i32.const 0) (local.get $x1))
    (v128.store offset=8448 (i32.const 0) (local.get $x2))
    (v128.store offset=8464 (i32.const 0) (local.get $y1))
    (v128.store offset=8480 (i32.const 0) (local.get $y2))
    (v128.store offset=8496 (i32.const 0) (local.get $z1))
    (v128.store offset=8512 (i32.const 0) (local.get $z2))
    (v128.store offset=8528 (i32.const 0) (local.get $hi))
    (v128.store offset=8544 (i32.const 0) (local.get $lo))
    (v128.store offset=8560 (i32.const 0) (local.get $v1))
    (v128.store offset=8576 (i32.const 0) (local.get $v2))
    (v128.store offset=8592 (i32.const 0) (local.get $p1))
    (v128.store offset=8608 (i32.const 0) (local.get $p2))
    (v128.store offset=8624 (i32.const 0) (local.get $q1))
    (v128.store offset=8640 (i32.const 0) (local.get $q2))
    (v128.store offset=8656 (i32.const 0) (local.get $r1))
    (v128.store offset=8672 (i32.const 0) (local.get $r2))
    (v128.store offset=8688 (i32.const 0) (local.get $kSum))
    (v128.store offset=8704 (i32.const 0) (local.get $bandSum))
    (v128.store offset=8720 (i32.const 0) (local.get $rawSum)))
  (func (export "pcm16") (param $n i32)
    (local $i i32) (local $end i32) (local $o i32) (local $v v128) (local $scale v128)
    (local.set $scale (v128.const f32x4 0x1p-15 0x1p-15 0x1p-15 0x1p-15))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $next
        (local.set $v (v128.load offset=16384 (local.get $i)))
        ;; lanes 0 2 4 6 of i16x8 are left, 1 3 5 7 right (little-endian frames)
        (v128.store offset=32768 (local.get $o)
          (f32x4.mul (local.get $scale)
            (f32x4.convert_i32x4_s
              (i32x4.extend_low_i16x8_s
                (i8x16.shuffle 0 1 4 5 8 9 12 13 0 1 4 5 8 9 12 13 (local.get $v) (local.get $v))))))
        (v128.store offset=49152 (local.get $o)
          (f32x4.mul (local.get $scale)
            (f32x4.convert_i32x4_s
              (i32x4.extend_low_i16x8_s
                (i8x16.shuffle 2 3 6 7 10 11 14 15 2 3 6 7 10 11 14 15 (local.get $v) (local.get $v))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br_if $next (i32.lt_u (local.get $i) (local.get $end))))))
)
