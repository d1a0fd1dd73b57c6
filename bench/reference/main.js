// The page a user who does not pick us would hand-roll: d3-hierarchy's squarified treemap
// and d3-selection, drawing the FY111 programmes from the canonical JSON (`plan parse`).
import { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
import { select } from 'd3-selection';

const W = 1000, H = 560;
const plan = await (await fetch('plan.json')).json();
const root = hierarchy({ children: plan.programmes.map((p) => ({ name: p.name, value: Number(p.budget) })) })
  .sum((d) => d.value ?? 0)
  .sort((a, b) => b.value - a.value);
treemap().tile(treemapSquarify).size([W, H])(root);
const total = root.value;
const svg = select('#chart').append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'treemap');
const cell = svg.selectAll('g').data(root.leaves()).join('g')
  .attr('tabindex', 0)
  .attr('aria-label', (d) => `${d.data.name}：${d.value.toLocaleString('en-US')} 千元，${(100 * d.value / total).toFixed(2)}%`);
cell.append('rect')
  .attr('x', (d) => d.x0).attr('y', (d) => d.y0)
  .attr('width', (d) => d.x1 - d.x0).attr('height', (d) => d.y1 - d.y0)
  .attr('fill', '#56B4E9').attr('stroke', '#fff');
cell.filter((d) => d.x1 - d.x0 > 84 && d.y1 - d.y0 > 44).append('text')
  .attr('x', (d) => d.x0 + 6).attr('y', (d) => d.y0 + 18)
  .text((d) => d.data.name);
