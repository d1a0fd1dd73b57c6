//! Documents that state goals without a budget table — what many agencies publish as
//! 施政目標與重點. Read as a partial plan: each group becomes a goal and its points the
//! goal's strategies, so the site can show the goal tree and say that there is no money.
//!
//! Two shapes: groups headed `【勞資關係類】` followed by points `一、…` (a point may have
//! sub-points `(一)…`, kept in its span); and a county plan by department, `壹、民政類`
//! with sub-headings such as `一、年度施政目標` whose `(一)…` are the points.

use super::layout::{furniture, is_table_header, Kind};
use super::outline::{heading, marker};
use super::Line;
use crate::diagnostic::{Diagnostic, Finding};
use crate::plan::{Goal, Plan, Strategy};
use crate::span::Span;
use crate::text::{chinese_numeral, push_fragment};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Grouped,
    Departments,
}

/// `【勞資關係類】` → `勞資關係類`.
fn group(text: &str) -> Option<&str> {
    let inner = text.trim().strip_prefix('【')?.split_once('】')?.0.trim();
    (!inner.is_empty() && inner.chars().count() <= 20).then_some(inner)
}

/// `壹、民政類` / `拾貳、環境保護類(環保局)` → `(1, "民政類")`.
fn department(text: &str) -> Option<(u32, &str)> {
    let (num, rest) = text.split_once('、')?;
    if num.chars().count() > 3 || !num.chars().all(|c| "壹貳參肆伍陸柒捌玖拾".contains(c)) {
        return None;
    }
    let rest = rest.trim();
    let bare = rest.split(['(', '（']).next().unwrap_or(rest).trim();
    if !bare.ends_with('類') || bare.chars().count() > 16 {
        return None;
    }
    Some((chinese_numeral(num)?, rest))
}

/// Which shape the document has, if it is one of these; a document with a table header is
/// a standard plan, whatever else it holds.
pub(super) fn detect(lines: &[Line]) -> Option<Shape> {
    let body = lines.get(1..).unwrap_or(&[]);
    if body.iter().any(|l| is_table_header(&l.text)) {
        return None;
    }
    if body.iter().any(|l| group(&l.text).is_some()) {
        return Some(Shape::Grouped);
    }
    let standard =
        body.iter().any(|l| ["願景", "施政目標及策略", "預算配合"].iter().any(|k| l.text.contains(k)) && l.text.contains('、') && l.text.chars().count() < 30);
    (!standard && body.iter().any(|l| department(&l.text).is_some())).then_some(Shape::Departments)
}

/// Where continuation lines go: the goal's name, the last point's name, or only a span.
#[derive(PartialEq)]
enum Cont {
    Nothing,
    GoalName,
    Point,
    SubPoint,
}

pub(super) fn read(lines: &[Line], shape: Shape, plan: &mut Plan, diags: &mut Vec<Diagnostic>) {
    let skip = furniture(lines, &plan.title);
    let lines: Vec<&Line> = lines.iter().zip(&skip).filter(|(_, f)| **f == Kind::Content).map(|(l, _)| l).collect();
    let mut into = Cont::Nothing;
    // Departments: whether the `(一)` under the current sub-heading are the points.
    let mut listing = false;
    let mut headings_are_points = false;
    for l in &lines {
        let text: &str = &l.text;
        let opened = match shape {
            Shape::Grouped => group(text).map(|g| (plan.goals.len() as u32 + 1, g)),
            Shape::Departments => department(text),
        };
        if let Some((number, name)) = opened {
            plan.goals.push(Goal { number, name: name_of(name), strategies: vec![], span: Span::line(l.no) });
            into = Cont::GoalName;
            (listing, headings_are_points) = (false, shape == Shape::Grouped);
            continue;
        }
        let Some(goal) = plan.goals.last_mut() else { continue };
        goal.span = goal.span.join(Span::line(l.no));
        if let Some((_, rest)) = heading(text) {
            if shape == Shape::Departments {
                listing = ["目標", "重點", "策略"].iter().any(|k| rest.contains(k));
                let other = ["計畫", "預算", "經費", "施政"].iter().any(|k| rest.contains(k));
                headings_are_points = !listing && !other;
            }
            if headings_are_points {
                push_point(goal, rest, l.no);
                into = Cont::Point;
            } else {
                into = Cont::Nothing;
            }
            continue;
        }
        if let Some((_, rest)) = marker(text) {
            // A group without `一、` points lists its points as `(一)…`.
            listing |= shape == Shape::Grouped && goal.strategies.is_empty();
            if listing {
                push_point(goal, rest, l.no);
                into = Cont::Point;
            } else if let Some(s) = goal.strategies.last_mut().filter(|_| into != Cont::Nothing) {
                s.span = s.span.join(Span::line(l.no));
                into = Cont::SubPoint;
            }
            continue;
        }
        match into {
            Cont::GoalName => push_fragment(&mut goal.name, text),
            Cont::Point | Cont::SubPoint => {
                if let Some(s) = goal.strategies.last_mut() {
                    if into == Cont::Point {
                        s.name = name_of(&format!("{}{}", s.name, text));
                    }
                    s.span = s.span.join(Span::line(l.no));
                }
            }
            Cont::Nothing => {}
        }
    }
    if plan.goals.is_empty() {
        diags.push(Diagnostic::warning(lines.first().map(|l| l.no), Finding::NoGoals));
    }
    for g in &plan.goals {
        if g.strategies.is_empty() {
            diags.push(Diagnostic::warning(Some(g.span.start), Finding::NoStrategies { goal: g.number }));
        }
    }
}

/// Points are numbered in reading order: a department may list 目標 and 重點 each from (一).
fn push_point(goal: &mut Goal, text: &str, no: u32) {
    let number = goal.strategies.len() as u32 + 1;
    goal.strategies.push(Strategy { number, name: name_of(text), span: Span::line(no) });
    goal.span = goal.span.join(Span::line(no));
}

fn name_of(text: &str) -> String {
    let mut s = String::new();
    push_fragment(&mut s, text);
    s.trim_end_matches(['。', '.']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ts: &[&str]) -> Vec<Line<'static>> {
        ts.iter().enumerate().map(|(i, t)| Line { no: i as u32 + 1, text: t.to_string().into(), page: None }).collect()
    }

    #[test]
    fn groups_become_goals_and_their_points_strategies() {
        let ls = lines(&[
            "宜蘭縣政府111年度施政目標與重點",
            "【勞資關係類】",
            "一、推動勞資協商，",
            "促進勞資和諧。",
            "(一)辦理調解。",
            "二、保障權益。",
            "【就業服務類】",
            "一、辦理徵才。",
        ]);
        assert_eq!(detect(&ls), Some(Shape::Grouped));
        let mut plan = Plan::empty();
        let mut d = Vec::new();
        read(&ls[1..], Shape::Grouped, &mut plan, &mut d);
        assert!(d.is_empty(), "{d:?}");
        let g = &plan.goals[0];
        assert_eq!((g.name.as_str(), g.span), ("勞資關係類", Span { start: 2, end: 6 }));
        assert_eq!(
            g.strategies.iter().map(|s| (s.name.as_str(), s.span)).collect::<Vec<_>>(),
            [("推動勞資協商，促進勞資和諧", Span { start: 3, end: 5 }), ("保障權益", Span::line(6))]
        );
        assert_eq!(plan.goals[1].strategies.len(), 1);
    }

    #[test]
    fn departments_become_goals_and_their_listed_aims_strategies() {
        let ls = lines(&[
            "臺東縣政府 112年度施政計畫",
            "壹、民政類",
            "一、年度施政目標",
            "(一)推動戶政",
            "e化服務。",
            "二、年度重要施政計畫",
            "(一)戶政大樓整修。",
            "貳、財政類",
            "一、健全財務。",
        ]);
        assert_eq!(detect(&ls), Some(Shape::Departments));
        let mut plan = Plan::empty();
        let mut d = Vec::new();
        read(&ls[1..], Shape::Departments, &mut plan, &mut d);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(plan.goals.iter().map(|g| (g.number, g.name.as_str(), g.strategies.len())).collect::<Vec<_>>(), [(1, "民政類", 1), (2, "財政類", 1)]);
        assert_eq!((plan.goals[0].strategies[0].name.as_str(), plan.goals[0].span), ("推動戶政e化服務", Span { start: 2, end: 7 }));
        assert_eq!(plan.goals[1].strategies[0].name, "健全財務");
        assert_eq!(
            detect(&lines(&["勞動局 111年度施政計畫", "壹、願景及任務", "參、年度重要施政計畫與預算配合對照表", "計畫名稱 實施內容 經費(千元) 備註"])),
            None
        );
    }
}
