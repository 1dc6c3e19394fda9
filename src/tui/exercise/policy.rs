//! The policy exercise: a JSON editor, live validate-policy findings and the expected
//! requests re-evaluated on every edit; Ctrl+S records the attempt.
//!
//! A component of the exercise screen (see `super`): its state is `Exercise::Policy`, its
//! drawing is [`draw`], and what its keys do returns effects that the app performs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::lesson::Pack;
use crate::lesson::model::Step;
use crate::tui::app::{App, Exercise, LessonState, tr};
use crate::tui::i18n::{Message, Ui};
use crate::tui::view::{block, distinguishing_context, inner, prompt_above, wrapped};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui_textarea::TextArea;

use crate::lang::Lang;
use crate::lesson::Lesson;
use crate::lesson::model::Solution;
use crate::lesson::run;
use crate::tui::effect::Effect;

/// Draws the exercise in `main`, the pane between the step's title row and its notes.
pub fn draw(f: &mut Frame, app: &App, pack: &Pack, step: &Step, ls: &LessonState, main: Rect) {
    let Exercise::Policy { editor, report, .. } = &ls.ex else {
        return;
    };
    let Some(p) = step.policy() else { return };
    let work = prompt_above(f, app, tr(&p.prompt, app, pack), main, ls.prompt_full);
    let [ed, side] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(work);
    // The editor's text, coloured as JSON, numbered, with findings in the margin;
    // wrapped, and scrolled so that the cursor stays in view.
    let marks: Vec<(u32, bool)> = report
        .iter()
        .flat_map(|r| {
            r.findings
                .iter()
                .map(|(ty, _, line, _)| (*line, ty == "ERROR"))
        })
        .collect();
    let cur = editor.cursor();
    // Long lines wrap onto more rows (no line is ever cut at the border), and the view
    // scrolls by rows so that the cursor's row stays in it.
    let text_w = usize::from(ed.width.saturating_sub(2))
        .saturating_sub(crate::tui::editor::gutter(editor.lines().len()));
    let shown = crate::tui::editor::render(
        editor.lines(),
        (cur.0, cur.1),
        ls.typing,
        &marks,
        &app.theme,
        text_w,
    );
    let inner_h = usize::from(ed.height.saturating_sub(2)).max(1);
    let top = shown.cursor.saturating_sub(inner_h - 1);
    f.render_widget(
        Paragraph::new(shown.rows)
            .scroll((u16::try_from(top).unwrap_or(u16::MAX), 0))
            .block(
                block(app, Ui::PolicyEditor.text(app.lang)).border_style(if ls.typing {
                    app.theme.title
                } else {
                    app.theme.border
                }),
            ),
        ed,
    );
    let mut lines = vec![Line::from(Span::styled(
        Ui::PolicyFindings.text(app.lang),
        app.theme.title,
    ))];
    // The lines (from, to) of the first expected request that comes out wrong and its
    // context, kept in view.
    let mut failing = None;
    match report {
        None => lines.push(Line::from(Span::styled(
            Ui::PolicyNotChecked.text(app.lang),
            app.theme.dim,
        ))),
        Some(r) => {
            if let Some(e) = &r.error {
                lines.push(Line::from(Span::styled(e.render(app.lang), app.theme.bad)));
            }
            if r.findings.is_empty() && r.error.is_none() {
                lines.push(Line::from(Span::styled(
                    Ui::PolicyNone.text(app.lang),
                    app.theme.ok,
                )));
            }
            for (ty, code, line, det) in &r.findings {
                let style = if ty == "ERROR" {
                    app.theme.bad
                } else {
                    app.theme.warn
                };
                let at = crate::msg::validate::Validate::AtLine;
                // The type in the learner's words (エラー, セキュリティ警告), the check's code as
                // AWS writes it.
                let named = crate::audit::validate::FindingType::from_code(ty)
                    .map_or(ty.as_str(), |t| t.text(app.lang));
                lines.push(Line::from(Span::styled(
                    format!("{named} {code} ({})", at.fill(app.lang, &[("line", line)])),
                    style,
                )));
                // The detail is Markdown (element names and ARN formats as code).
                lines.extend(crate::tui::view::inline(
                    &det.text(app.lang),
                    &app.theme,
                    app.theme.text,
                    Some(Span::raw("  ")),
                ));
            }
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                Ui::PolicyExpect.text(app.lang),
                app.theme.title,
            )));
            let context = distinguishing_context(&r.expectations);
            for (e, ctx) in r.expectations.iter().zip(context) {
                if !e.ok() && failing.is_none() {
                    failing = Some((lines.len(), lines.len() + 1 + ctx.len()));
                }
                let want = (if e.want_allow {
                    Ui::PolicyShouldAllow
                } else {
                    Ui::PolicyShouldDeny
                })
                .text(app.lang);
                lines.push(Line::from(Span::styled(
                    format!(
                        "{} {} {} — {want} ({})",
                        if e.ok() { "✓" } else { "✗" },
                        e.request.action,
                        e.request.resource,
                        e.got.as_str()
                    ),
                    if e.ok() { app.theme.ok } else { app.theme.bad },
                )));
                // What tells this request apart from the others: its context keys.
                for (k, v) in ctx {
                    let v = v.unwrap_or_else(|| Ui::PolicyCtxUnset.text(app.lang).to_string());
                    lines.push(Line::from(Span::styled(
                        format!("    {k} = {v}"),
                        app.theme.dim,
                    )));
                }
            }
        }
    }
    // Wrapped line by line, so that the failing request's rows are known: when the pane is
    // too short for everything, it is scrolled into view (with its context lines), and the
    // borders say what is out of sight.
    let width = inner(side);
    let mut rows = Vec::new();
    let (mut from, mut to) = (None, None);
    for (i, l) in lines.into_iter().enumerate() {
        if failing.is_some_and(|(a, _)| a == i) {
            from = Some(rows.len());
        }
        if failing.is_some_and(|(_, b)| b == i) {
            to = Some(rows.len());
        }
        rows.extend(wrapped(l, width).lines);
    }
    let visible = usize::from(side.height.saturating_sub(2));
    // At the bottom of the view at most, and never above its first row.
    let follow = from.map_or(0, |row| {
        let end = to.unwrap_or(rows.len());
        end.saturating_sub(visible).min(row)
    });
    // Moved by the learner's keys from there, within the text.
    let last = rows.len().saturating_sub(visible);
    let scroll = usize::try_from(
        i64::try_from(follow)
            .unwrap_or(i64::MAX)
            .saturating_add(i64::from(ls.side_offset.get()))
            .max(0),
    )
    .unwrap_or(0)
    .min(last);
    ls.side_offset.set(
        i32::try_from(i64::try_from(scroll).unwrap_or(0) - i64::try_from(follow).unwrap_or(0))
            .unwrap_or(0),
    );
    let mut b = block(app, "");
    if scroll > 0 {
        b = b.title(
            Line::from(Span::styled(
                Ui::PolicyMoreAbove.text(app.lang),
                app.theme.dim,
            ))
            .right_aligned(),
        );
    }
    if rows.len() > scroll + visible {
        b = b.title_bottom(
            Line::from(Span::styled(
                Ui::PolicyMoreBelow.text(app.lang),
                app.theme.dim,
            ))
            .right_aligned(),
        );
    }
    f.render_widget(
        Paragraph::new(rows)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
            .block(b),
        side,
    );
}

/// A policy exercise at its start: the editor holding the starter policy, nothing checked.
pub fn fresh(s: &Step, dim: Style) -> Exercise {
    let starter = s
        .policy()
        .and_then(|p| p.starter.clone())
        .unwrap_or_default();
    let mut editor = TextArea::new(starter.lines().map(str::to_string).collect());
    editor.set_line_number_style(dim);
    // Every edit of an exercise can be undone, not only the last 50.
    editor.set_max_histories(10_000);
    Exercise::Policy {
        editor: Box::new(editor),
        report: None,
        dirty: false,
    }
}

/// Ctrl+S checks the policy in the editor, and records it; a policy that fails hears which
/// expected request came out wrong and why (a near miss it matches says more).
pub fn check(
    ex: &mut Exercise,
    (pack, lesson, step): (&Pack, &Lesson, &Step),
    lang: Lang,
) -> Vec<Effect> {
    let Exercise::Policy {
        editor,
        report,
        dirty,
    } = ex
    else {
        return Vec::new();
    };
    let text = editor.lines().join("\n");
    let r = run::check_policy(pack, lesson, step, &text);
    let correct = r.passed();
    let advice = miss_text(&r, lang);
    *report = Some(r);
    *dirty = false;
    let mut out = vec![Effect::Record {
        answer: text.clone(),
        correct,
    }];
    if !correct {
        out.extend(advice.map(Effect::Advice));
        out.push(Effect::NearMiss(Solution::Text(text)));
    }
    out
}

/// The first expected request that came out wrong and what of the policy made it so, as the
/// status line says it in `lang`.
pub fn miss_text(r: &run::PolicyReport, lang: Lang) -> Option<String> {
    use run::{Miss, Through};
    if r.error.is_some() {
        return None;
    }
    let context = distinguishing_context(&r.expectations);
    let (e, ctx) = r.expectations.iter().zip(context).find(|(e, _)| !e.ok())?;
    let pairs = |kv: &[(String, Option<String>)]| {
        kv.iter()
            .map(|(k, v)| {
                let v = v.as_deref().map_or_else(
                    || Ui::PolicyCtxUnset.text(lang).to_string(),
                    crate::msg::code,
                );
                format!("{k} = {v}")
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let shown = if ctx.is_empty() {
        String::new()
    } else {
        format!(" ({})", pairs(&ctx))
    };
    // The message is shown as Markdown: the policy's and the request's own text goes in code
    // spans, so that a `*` in an ARN stays a star.
    let code = crate::msg::code;
    let request = Ui::MissRequest.fill(
        lang,
        &[
            ("action", &code(&e.request.action)),
            ("resource", &code(&e.request.resource)),
            ("ctx", &shown),
        ],
    );
    let text = match e.miss.as_ref()? {
        Miss::Allowed { line, through } => {
            let why = match through {
                Through::Action(p) => Ui::MissByAction.fill(
                    lang,
                    &[("pattern", &code(p)), ("action", &code(&e.request.action))],
                ),
                Through::Resource(p) => Ui::MissByResource.fill(lang, &[("pattern", &code(p))]),
                Through::Conditions(cs) => {
                    let conditions: Vec<String> = cs.iter().map(|(c, _)| code(c)).collect();
                    let values: Vec<(String, Option<String>)> = cs
                        .iter()
                        .map(|(_, k)| {
                            let v = e
                                .request
                                .context
                                .iter()
                                .find(|(x, _)| x.eq_ignore_ascii_case(k))
                                .map(|(_, v)| crate::tui::view::context_value(v));
                            (k.clone(), v)
                        })
                        .collect();
                    Ui::MissByCondition.fill(
                        lang,
                        &[
                            ("conditions", &conditions.join(", ")),
                            ("values", &pairs(&values)),
                        ],
                    )
                }
                Through::NoCondition => Ui::MissNoCondition.text(lang).to_string(),
            };
            Ui::MissAllowed.fill(
                lang,
                &[("request", &request), ("line", line), ("why", &why)],
            )
        }
        Miss::AllowedElsewhere => Ui::MissAllowedElsewhere.fill(lang, &[("request", &request)]),
        Miss::Denied { line: Some(line) } => {
            Ui::MissDenied.fill(lang, &[("request", &request), ("line", line)])
        }
        Miss::Denied { line: None } => Ui::MissDeniedElsewhere.fill(lang, &[("request", &request)]),
        Miss::NotAllowed {
            nearest: Some((line, verdict)),
        } => Ui::MissNotAllowed.fill(
            lang,
            &[
                ("request", &request),
                ("line", line),
                ("verdict", &verdict.text(lang)),
            ],
        ),
        Miss::NotAllowed { nearest: None } => Ui::MissNoAllow.fill(lang, &[("request", &request)]),
    };
    Some(text)
}

/// A new line at the cursor, indented as the line it splits (two spaces more after `{` or
/// `[`).
fn newline(editor: &mut TextArea<'static>, line: &str, col: usize) -> bool {
    editor.insert_newline();
    editor.insert_str(crate::tui::editor::newline_indent(line, col));
    true
}

/// A key while typing in the editor. Findings and expected requests follow every edit
/// (live feedback); the attempt is recorded only when the learner checks with Ctrl+S.
pub fn type_key(
    ex: &mut Exercise,
    key: KeyEvent,
    pack: &Pack,
    lesson: &Lesson,
    step: &Step,
) -> Vec<Effect> {
    let Exercise::Policy {
        editor,
        dirty,
        report,
    } = ex
    else {
        return Vec::new();
    };
    let cur = editor.cursor();
    let line = editor.lines().get(cur.0).cloned().unwrap_or_default();
    let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
    let changed = match key.code {
        // Enter keeps the indentation, two spaces more after `{` or `[`.
        // Ctrl+J is a line feed: a new line as Enter makes (the text area's own Ctrl+J would
        // delete to the start of the line).
        KeyCode::Enter if plain => newline(editor, &line, cur.1),
        KeyCode::Char('j') if key.modifiers == KeyModifiers::CONTROL => {
            newline(editor, &line, cur.1)
        }
        // A closing bracket on an indented empty line steps back one level.
        KeyCode::Char(c @ ('}' | ']')) if plain => {
            if crate::tui::editor::dedent_on_close(&line, cur.1) {
                editor.delete_char();
                editor.delete_char();
            }
            editor.insert_char(c);
            true
        }
        // Ctrl+U deletes to the start of the line, as in every line input and the console
        // (the text area's own Ctrl+U would undo; undo is Ctrl+Z).
        KeyCode::Char('u') if key.modifiers == KeyModifiers::CONTROL => {
            editor.delete_line_by_head()
        }
        _ => editor.input(key),
    };
    *dirty |= changed;
    if changed {
        *report = Some(run::check_policy(
            pack,
            lesson,
            step,
            &editor.lines().join("\n"),
        ));
    }
    Vec::new()
}

/// `s` puts the solution in the editor, recorded as shown.
pub fn solution(ex: &mut Exercise, step: &Step) -> Vec<Effect> {
    if let (Exercise::Policy { editor, .. }, Some(Solution::Text(s))) = (ex, &step.solution) {
        **editor = TextArea::new(s.lines().map(str::to_string).collect());
    }
    vec![Effect::Record {
        answer: "(solution shown)".into(),
        correct: false,
    }]
}
