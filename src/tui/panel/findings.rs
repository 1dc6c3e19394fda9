//! The audit findings of the sandbox account: most severe first, each with its evidence and
//! its fix, and the full title in the detail.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;

use super::{Panel, block, detail, list, split};
use crate::msg::Message;
use crate::msg::panel::PanelText;
use crate::tui::app::App;

pub(super) fn draw(
    f: &mut Frame,
    app: &App,
    p: &Panel,
    fs: &[crate::audit::controls::Finding],
    area: Rect,
    title: &str,
) {
    if fs.is_empty() {
        f.render_widget(
            Paragraph::new(PanelText::NoFindingsThisAccount.text(app.lang))
                .style(app.theme.ok)
                .block(block(app, title, true)),
            area,
        );
        return;
    }
    let [left, right] = split(area);
    let items: Vec<Text> = fs
        .iter()
        .map(|x| {
            let sev = format!("{:?}", x.severity).to_uppercase();
            let style = match sev.as_str() {
                "CRITICAL" | "HIGH" => app.theme.bad,
                "MEDIUM" => app.theme.warn,
                _ => app.theme.dim,
            };
            // Rows that cannot show the whole title end in `…`, so that they can be told
            // apart; the detail pane shows it whole.
            let room = usize::from(left.width.saturating_sub(2)).saturating_sub(2 + 9 + 12);
            Line::from(vec![
                Span::styled(format!("{sev:<8} "), style),
                Span::styled(format!("{:<11} ", x.control), app.theme.title),
                Span::raw(crate::text::ellipsis(x.title(app.lang), room)),
            ])
        })
        .map(Text::from)
        .collect();
    list(f, app, p, items, format!("{title}({}) ", fs.len()), left);
    if let Some(x) = fs.get(p.cursor) {
        let mut lines = vec![
            Line::from(Span::styled(x.title(app.lang), app.theme.title)),
            Line::from(Span::styled(
                format!(
                    "{} · {}{}",
                    x.control,
                    x.resource,
                    x.cis
                        // One item ("CIS v3.0 1.16") is never split over two lines.
                        .map(|c| format!(" · {}", c.replace(' ', "\u{a0}")))
                        .unwrap_or_default()
                ),
                app.theme.dim,
            )),
            Line::default(),
            Line::from(Span::styled(
                PanelText::Evidence.text(app.lang),
                app.theme.title,
            )),
            Line::from(x.evidence.render(app.lang)),
            Line::default(),
            Line::from(Span::styled(PanelText::Fix.text(app.lang), app.theme.title)),
        ];
        lines.extend(
            x.fix
                .iter()
                .map(|c| Line::from(Span::styled(c.render(app.lang), app.theme.code))),
        );
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            app.lang.aws_doc(x.learn_more),
            app.theme.dim,
        )));
        detail(
            f,
            app,
            p,
            Text::from(lines),
            PanelText::Detail.text(app.lang),
            right,
        );
    }
}
