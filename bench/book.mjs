// The generated budget book the browser benchmarks read (bench/books.mjs, bench/library.mjs):
// the central government's 歲出機關別預算表 in shape, every line with last year's figure and
// an explanation.

/** A seeded book: 29 主管 × 3 agencies × 5 業務計畫 × 5 工作計畫 = 2,175 lines at the bottom.
 * With a `year`, it is that year's book (a title above the table; its own figures). */
export function book({ year, seed: start = 7 } = {}) {
  let seed = start;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const rows = year ? [`中央政府 ${year}年度總預算`, '單位：新臺幣千元'] : [];
  rows.push('款,項,目,節,科目名稱,本年度預算數,上年度預算數,本年度與上年度比較,說明');
  const line = (k, x, m, j, name, now, last, why) => rows.push(`${k},${x},${m},${j},${name},${now},${last},${now - last},"${why}"`);
  for (let a = 1; a <= 29; a++) {
    const agencies = [];
    for (let b = 1; b <= 3; b++) {
      const plans = [];
      for (let c = 1; c <= 5; c++) {
        const works = [];
        for (let d = 1; d <= 5; d++) {
          const last = 1000 + rand(900000);
          const now = Math.max(0, last + rand(200000) - 100000);
          works.push([now, last, `${a}${b}${c}${d}`]);
        }
        plans.push(works);
      }
      agencies.push(plans);
    }
    const sum = (xs, i) => xs.reduce((s, x) => s + x[i], 0);
    const planSums = agencies.map((plans) => plans.map((w) => [sum(w, 0), sum(w, 1)]));
    const agencySums = planSums.map((p) => [sum(p, 0), sum(p, 1)]);
    const total = [sum(agencySums, 0), sum(agencySums, 1)];
    line(a, '', '', '', `主管${a}`, total[0], total[1], '');
    agencies.forEach((plans, b) => {
      line(a, b + 1, '', '', `機關${a}-${b + 1}`, agencySums[b][0], agencySums[b][1], '');
      plans.forEach((works, c) => {
        line(a, b + 1, c + 1, '', `業務計畫${a}-${b + 1}-${c + 1}`, planSums[b][c][0], planSums[b][c][1], '');
        works.forEach(([now, last, id], d) => {
          const word = now >= last ? '增列' : '減列';
          line(a, b + 1, c + 1, d + 1, `工作計畫${id}`, now, last, `本年度預算數${now.toLocaleString('en-US')}千元，較上年度${word}${Math.abs(now - last).toLocaleString('en-US')}千元，主要係配合業務需要調整。`);
        });
      });
    });
  }
  return rows.join('\n');
}

