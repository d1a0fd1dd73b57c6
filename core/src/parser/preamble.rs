//! The title line and section 壹 (vision and missions).

use super::outline::{heading, marker};
use super::Line;
use crate::diagnostic::{Diagnostic, Finding};
use crate::plan::{Mission, Plan, Vision};
use crate::span::Span;
use crate::text::push_fragment;

/// `勞動局 111年度施政計畫` → agency `勞動局`, year 111.
pub(super) fn read_title(first: &Line, plan: &mut Plan, diags: &mut Vec<Diagnostic>) {
    let title = crate::text::collapse_spaces(&first.text);
    plan.title = first.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(pos) = title.find("年度") else {
        diags.push(Diagnostic::warning(Some(first.no), Finding::NoTitle));
        return;
    };
    let head = &title[..pos];
    let digits_start = head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    plan.agency = head[..digits_start].trim().to_string();
    match head[digits_start..].parse::<u32>() {
        Ok(y) => plan.year = y,
        Err(_) => diags.push(Diagnostic::warning(Some(first.no), Finding::NoYear)),
    }
}

/// 一、願景：<title> + paragraphs; 二、任務 + (一)… missions.
pub(super) fn read_vision_and_missions(lines: &[Line], plan: &mut Plan, diags: &mut Vec<Diagnostic>) {
    let mut vision: Option<Vision> = None;
    let mut in_missions = false;
    let mut paragraph = String::new();

    for l in lines {
        let text: &str = &l.text;
        if let Some((n, rest)) = heading(text) {
            if n == 1 {
                let title = rest.split_once(['：', ':']).map(|(_, t)| t).unwrap_or(rest);
                vision = Some(Vision { title: crate::text::collapse_spaces(title), paragraphs: vec![], span: Span::line(l.no) });
                continue;
            }
            in_missions = true;
            continue;
        }
        if in_missions {
            if let Some((n, rest)) = marker(text) {
                if plan.missions.iter().any(|m| m.number == n) {
                    diags.push(Diagnostic::warning(Some(l.no), Finding::DuplicateMission { mission: n }));
                }
                let mut t = String::new();
                push_fragment(&mut t, rest);
                plan.missions.push(Mission { number: n, text: t, span: Span::line(l.no) });
            } else if let Some(m) = plan.missions.last_mut() {
                push_fragment(&mut m.text, text);
                m.span = m.span.join(Span::line(l.no));
            }
        } else if let Some(v) = vision.as_mut() {
            push_fragment(&mut paragraph, text);
            v.span = v.span.join(Span::line(l.no));
            // A PDF line that ends a sentence ends the paragraph: the layout has no blank-line cue.
            if text.ends_with('。') {
                v.paragraphs.push(std::mem::take(&mut paragraph));
            }
        }
    }
    if let Some(v) = vision.as_mut() {
        if !paragraph.is_empty() {
            v.paragraphs.push(paragraph);
        }
    }
    if vision.is_none() {
        diags.push(Diagnostic::warning(lines.first().map(|l| l.no), Finding::NoVision));
    }
    if plan.missions.is_empty() {
        diags.push(Diagnostic::warning(lines.first().map(|l| l.no), Finding::NoMissions));
    }
    plan.vision = vision;
}
