//! The live dashboard: what the instructor sees, worked out from the class's data
//! ([`View::build`], pure: the time comes in) and rendered as self-contained HTML (inline
//! CSS and a few lines of inline JavaScript for the server-sent events; no CDN, so it works
//! on a LAN with no internet). Everything a learner typed is escaped.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Duration;

use jiff::Timestamp;

use super::db::LearnerData;
use crate::ids::{LessonId, PackId, StepId};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::class::Class as C;
use crate::progress::Catalog;
use crate::progress::render::{duration, escape_html};

/// A learner not heard from for this long is shown offline (the sender says it is there
/// every few seconds).
pub const OFFLINE_AFTER: Duration = Duration::from_secs(30);

/// How many wrong answers are listed per exercise.
pub const WRONG_SHOWN: usize = 3;

/// What a learner is doing, as the dashboard says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    /// Joined, no answer yet.
    NotStarted,
    /// Working and answering.
    Working,
    /// No right answer for the `--stuck-minutes`.
    Stuck,
    /// Not heard from for [`OFFLINE_AFTER`] (their answers wait on their laptop).
    Offline,
}

/// One learner's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerRow {
    /// The name, with the start of the profile id when another learner has the same name.
    pub label: String,
    /// The lesson on their screen (its title), if known.
    pub lesson: Option<String>,
    /// The step on their screen.
    pub step: Option<String>,
    /// How long they have been on that step, in milliseconds.
    pub on_step_ms: Option<u64>,
    /// Answers given.
    pub answers: u64,
    /// Exercises solved.
    pub solved: u64,
    /// Hints used (the most shown per step, summed).
    pub hints: u64,
    /// Steps whose solution was shown.
    pub solutions: u64,
    /// What they are doing.
    pub doing: Doing,
}

/// A decision a learner can predict on a predict step, as attempts record it (the
/// evaluator's own names: `allowed`, `explicitDeny`, `implicitDeny`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Prediction {
    /// `allowed`.
    Allowed,
    /// `explicitDeny`.
    ExplicitDeny,
    /// `implicitDeny`.
    ImplicitDeny,
}

impl Prediction {
    /// The three, in the order the dashboard lists them (and the learner's screen offers them).
    pub const ALL: [Prediction; 3] = [
        Prediction::Allowed,
        Prediction::ExplicitDeny,
        Prediction::ImplicitDeny,
    ];

    /// The prediction an attempt's answer records, if it is one (a shown solution is not).
    pub fn from_answer(answer: &str) -> Option<Prediction> {
        match answer.trim() {
            "allowed" => Some(Prediction::Allowed),
            "explicitDeny" => Some(Prediction::ExplicitDeny),
            "implicitDeny" => Some(Prediction::ImplicitDeny),
            _ => None,
        }
    }

    fn label(self) -> C {
        match self {
            Prediction::Allowed => C::PredictAllowed,
            Prediction::ExplicitDeny => C::PredictExplicitDeny,
            Prediction::ImplicitDeny => C::PredictImplicitDeny,
        }
    }
}

/// The predict steps of the packs the instructor loaded, each with IAM's answer (`None` when
/// the evaluator could not work it out, e.g. a broken scenario). Attempts do not say what
/// kind of step they answer, so the caller, which loaded the packs, says which steps predict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PredictSteps {
    steps: BTreeMap<StepKey, Option<Prediction>>,
    /// The quiz steps' choices, in order, in the instructor's language: a quiz's answer is
    /// the numbers of the choices picked (`2,4`), shown with their text.
    quizzes: BTreeMap<StepKey, Vec<String>>,
}

impl PredictSteps {
    /// No predict step known.
    pub fn new() -> PredictSteps {
        PredictSteps::default()
    }

    /// Notes a predict step and IAM's answer to it.
    pub fn add(&mut self, pack: PackId, lesson: LessonId, step: StepId, right: Option<Prediction>) {
        self.steps.insert((pack, lesson, step), right);
    }

    /// The predict steps (pack, lesson, step) with IAM's answer to each, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&PackId, &LessonId, &StepId, Option<Prediction>)> {
        self.steps.iter().map(|((p, l, s), r)| (p, l, s, *r))
    }

    /// Notes a quiz step's choices, so that its wrong answers read as the choices picked.
    pub fn add_quiz(&mut self, pack: PackId, lesson: LessonId, step: StepId, choices: Vec<String>) {
        self.quizzes.insert((pack, lesson, step), choices);
    }

    /// An answer as the dashboard shows it: a quiz's choice numbers with each choice's text
    /// (`2. … / 4. …`), anything else as it is.
    fn readable(&self, key: &StepKey, answer: &str) -> String {
        let plain = || answer.split_whitespace().collect::<Vec<_>>().join(" ");
        let Some(choices) = self.quizzes.get(key) else {
            return plain();
        };
        let picked: Option<Vec<String>> = answer
            .split(',')
            .map(|n| {
                let k: usize = n.trim().parse().ok()?;
                let text = choices.get(k.checked_sub(1)?)?;
                Some(format!(
                    "{k}. {}",
                    text.split_whitespace().collect::<Vec<_>>().join(" ")
                ))
            })
            .collect();
        picked.map_or_else(plain, |p| p.join(" / "))
    }

    /// Whether the step is a predict step, and if so IAM's answer.
    fn get(&self, key: &StepKey) -> Option<Option<Prediction>> {
        self.steps.get(key).copied()
    }
}

/// What the room predicted on one predict step: each learner's first prediction (the one
/// made before any answer was shown; a wrong prediction leaves the choices open, and the
/// tries after it are not predictions any more).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spread {
    /// How many learners predicted each decision, in [`Prediction::ALL`]'s order.
    pub counts: Vec<(Prediction, u64)>,
    /// IAM's answer, when known.
    pub right: Option<Prediction>,
}

/// One exercise across the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseRow {
    /// The lesson's title.
    pub lesson: String,
    /// The step.
    pub step: StepId,
    /// Learners who answered it.
    pub tried: u64,
    /// Learners who solved it.
    pub solved: u64,
    /// Solved, out of every learner in the class, in percent.
    pub share: u64,
    /// The most common wrong answers and how many times each was given.
    pub wrong: Vec<(String, u64)>,
    /// For a predict step, the spread of the room's predictions.
    pub predictions: Option<Spread>,
}

/// The whole dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The join code.
    pub code: String,
    /// Whether the class is closed to new learners.
    pub closed: bool,
    /// The learners, in the order they joined.
    pub learners: Vec<LearnerRow>,
    /// The exercises answered, by lesson and step.
    pub exercises: Vec<ExerciseRow>,
    /// When this was worked out.
    pub at: Timestamp,
}

fn since(now: Timestamp, t: Timestamp) -> u64 {
    u64::try_from(now.as_millisecond().saturating_sub(t.as_millisecond())).unwrap_or(0)
}

type StepKey = (PackId, LessonId, StepId);

impl View {
    /// Works out the dashboard at `now`: a learner with no right answer for `stuck` (since
    /// their last one, or since joining) is stuck.
    pub fn build(
        code: &str,
        closed: bool,
        data: &[LearnerData],
        now: Timestamp,
        stuck: Duration,
        catalog: &Catalog,
        predicts: &PredictSteps,
    ) -> View {
        let mut names: HashMap<&str, u32> = HashMap::new();
        for d in data {
            *names.entry(d.learner.name.as_str()).or_default() += 1;
        }
        let stuck_ms = u64::try_from(stuck.as_millis()).unwrap_or(u64::MAX);
        let offline_ms = u64::try_from(OFFLINE_AFTER.as_millis()).unwrap_or(u64::MAX);
        let mut learners = Vec::with_capacity(data.len());
        let mut tried: BTreeMap<StepKey, HashSet<usize>> = BTreeMap::new();
        let mut solved: BTreeMap<StepKey, HashSet<usize>> = BTreeMap::new();
        let mut wrong: BTreeMap<StepKey, BTreeMap<String, u64>> = BTreeMap::new();
        let mut predicted: BTreeMap<StepKey, BTreeMap<Prediction, u64>> = BTreeMap::new();
        for (i, d) in data.iter().enumerate() {
            let name = d.learner.name.as_str();
            let label = if names.get(name).copied().unwrap_or(0) > 1 {
                let id = d.learner.uid.as_str();
                let short: String = id.chars().take(6).collect();
                format!("{name} ({short})")
            } else {
                name.to_string()
            };
            let mut steps: HashMap<StepKey, (bool, u32, bool)> = HashMap::new();
            let mut last_right = d.learner.joined;
            let mut first_prediction: HashSet<StepKey> = HashSet::new();
            for a in &d.attempts {
                let key = (a.pack.clone(), a.lesson.clone(), a.step.clone());
                if predicts.get(&key).is_some()
                    && let Some(p) = Prediction::from_answer(&a.answer)
                    && first_prediction.insert(key.clone())
                {
                    *predicted
                        .entry(key.clone())
                        .or_default()
                        .entry(p)
                        .or_default() += 1;
                }
                let s = steps.entry(key.clone()).or_default();
                s.0 |= a.correct;
                s.1 = s.1.max(a.hints_used);
                s.2 |= a.solution_shown;
                tried.entry(key.clone()).or_default().insert(i);
                if a.correct {
                    last_right = last_right.max(a.at);
                    solved.entry(key).or_default().insert(i);
                } else {
                    let answer = predicts.readable(&key, &a.answer);
                    *wrong.entry(key).or_default().entry(answer).or_default() += 1;
                }
            }
            // Where they are: the position they sent, else their last answer's step.
            let here = d
                .position
                .as_ref()
                .map(|p| (p.pack.clone(), p.lesson.clone(), p.step.clone(), p.at))
                .or_else(|| {
                    d.attempts
                        .last()
                        .map(|a| (a.pack.clone(), a.lesson.clone(), a.step.clone(), a.at))
                });
            let doing = if since(now, d.learner.last_seen) >= offline_ms {
                Doing::Offline
            } else if d.attempts.is_empty() && d.position.is_none() {
                Doing::NotStarted
            } else if since(now, last_right) >= stuck_ms {
                Doing::Stuck
            } else {
                Doing::Working
            };
            learners.push(LearnerRow {
                label,
                lesson: here.as_ref().map(|(p, l, _, _)| catalog.lesson_title(p, l)),
                step: here.as_ref().map(|(_, _, s, _)| s.to_string()),
                on_step_ms: here.as_ref().map(|(_, _, _, at)| since(now, *at)),
                answers: d.attempts.len() as u64,
                solved: steps.values().filter(|s| s.0).count() as u64,
                hints: steps.values().map(|s| u64::from(s.1)).sum(),
                solutions: steps.values().filter(|s| s.2).count() as u64,
                doing,
            });
        }
        let total = data.len() as u64;
        let exercises = tried
            .into_iter()
            .map(|(key, who)| {
                let done = solved.get(&key).map_or(0, |s| s.len() as u64);
                let mut w: Vec<(String, u64)> =
                    wrong.remove(&key).unwrap_or_default().into_iter().collect();
                w.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                w.truncate(WRONG_SHOWN);
                let predictions = predicts.get(&key).map(|right| {
                    let room = predicted.remove(&key).unwrap_or_default();
                    Spread {
                        counts: Prediction::ALL
                            .iter()
                            .map(|p| (*p, room.get(p).copied().unwrap_or(0)))
                            .collect(),
                        right,
                    }
                });
                ExerciseRow {
                    lesson: catalog.lesson_title(&key.0, &key.1),
                    step: key.2,
                    tried: who.len() as u64,
                    solved: done,
                    share: (done * 100).checked_div(total).unwrap_or(0),
                    wrong: w,
                    predictions,
                }
            })
            .collect();
        View {
            code: code.to_string(),
            closed,
            learners,
            exercises,
            at: now,
        }
    }
}

/// Text escaped for HTML.
pub fn escape(s: &str) -> String {
    escape_html(s)
}

/// A learner's answer shortened for a table cell (whole characters).
fn short(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(MAX).collect();
        t.push('…');
        t
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#111;background:#fff}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}.code{font-size:1.6rem;font-weight:bold;letter-spacing:.2rem}
.stuck{color:#a00;font-weight:bold}.offline{color:#777}.working{color:#060}
.spread span,.spread strong{white-space:nowrap}.spread .right{color:#060}.bar{display:inline-block;height:.7rem;background:#2a6;vertical-align:middle}
nav a,nav form{margin-right:1rem;display:inline}#conn{color:#a00}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}th{background:#222}.spread .right,.working{color:#6c6}}";

/// The sign-in page: open the URL printed with the instructor token once.
pub fn login(lang: Lang, wrong: bool) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body><h1>{}</h1>",
        lang.code(),
        escape(C::DashTitle.text(lang)),
        escape(C::DashTitle.text(lang))
    ));
    if wrong {
        o.push_str(&format!(
            "<p class=\"stuck\">{}</p>",
            escape(C::DashWrongToken.text(lang))
        ));
    }
    o.push_str(&format!(
        "<p>{}</p><form method=\"get\" action=\"/\"><input type=\"hidden\" name=\"lang\" value=\"{}\"><input name=\"token\" type=\"password\" size=\"66\" autocomplete=\"off\"> <button>{}</button></form></body></html>",
        escape(C::DashNeedsToken.text(lang)),
        lang.code(),
        escape(C::DashSignIn.text(lang))
    ));
    o
}

/// The whole page: header, the live part and the script that keeps it live.
pub fn page(v: &View, lang: Lang) -> String {
    let code = lang.code();
    let other = match lang {
        Lang::En => Lang::Ja,
        Lang::Ja => Lang::En,
    };
    let mut o = String::with_capacity(8 * 1024);
    o.push_str(&format!(
        "<!doctype html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{STYLE}</style></head><body>",
        escape(C::DashTitle.text(lang))
    ));
    o.push_str(&format!(
        "<h1>{}</h1><p>{} <span class=\"code\">{}</span></p>",
        escape(C::DashTitle.text(lang)),
        escape(C::DashJoinCode.text(lang)),
        escape(&v.code)
    ));
    o.push_str(&format!(
        "<nav><a href=\"/?lang={}\">{}</a><a href=\"/report.csv?lang={code}\">{}</a><a href=\"/report.html?lang={code}\">{}</a>",
        other.code(),
        escape(C::DashOtherLanguage.text(lang)),
        escape(C::DashReportCsv.text(lang)),
        escape(C::DashReportHtml.text(lang)),
    ));
    if !v.closed {
        o.push_str(&format!(
            "<form method=\"post\" action=\"/close?lang={code}\"><button>{}</button></form>",
            escape(C::DashClose.text(lang))
        ));
    }
    o.push_str("</nav><p id=\"conn\"></p><main id=\"live\">");
    o.push_str(&live(v, lang));
    // The reconnecting note as a JSON string, with `</` broken so it cannot end the script.
    let note = serde_json::to_string(C::DashReconnecting.text(lang))
        .unwrap_or_else(|_| "\"\"".to_string())
        .replace("</", "<\\/");
    o.push_str(&format!(
        "</main><script>
const live=document.getElementById('live'),conn=document.getElementById('conn');
const es=new EventSource('/events?lang={code}');
es.addEventListener('live',e=>{{live.innerHTML=e.data;conn.textContent='';}});
es.onerror=()=>{{conn.textContent={note};}};
</script></body></html>"
    ));
    o
}

/// The room's predictions on one step, `Allowed 7 · Explicit deny 0 · Implicit deny 3`, IAM's
/// answer in bold with a check mark.
fn spread(p: &Spread, lang: Lang) -> String {
    p.counts
        .iter()
        .map(|(d, n)| {
            let text = escape(&format!("{} {n}", d.label().text(lang)));
            if p.right == Some(*d) {
                format!(
                    "<strong class=\"right\" title=\"{}\">{text} ✓</strong>",
                    escape(C::RightAnswer.text(lang))
                )
            } else {
                format!("<span>{text}</span>")
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The live part: the learners' table and the exercises' table.
pub fn live(v: &View, lang: Lang) -> String {
    let mut o = String::with_capacity(4 * 1024);
    if v.closed {
        o.push_str(&format!("<p>{}</p>", escape(C::DashClosed.text(lang))));
    }
    o.push_str(&format!(
        "<h2>{}</h2>",
        escape(&C::DashLearners.fill(lang, &[("count", &v.learners.len())]))
    ));
    if v.learners.is_empty() {
        o.push_str(&format!("<p>{}</p>", escape(C::DashNoLearners.text(lang))));
    } else {
        o.push_str("<table id=\"learners\"><tr>");
        for h in [
            C::ColLearner,
            C::ColLesson,
            C::ColStep,
            C::ColOnStep,
            C::ColAnswers,
            C::ColSolved,
            C::ColHints,
            C::ColSolutions,
            C::ColState,
        ] {
            o.push_str(&format!("<th>{}</th>", escape(h.text(lang))));
        }
        o.push_str("</tr>");
        for l in &v.learners {
            let (class, state) = match l.doing {
                Doing::NotStarted => ("", C::StateNotStarted),
                Doing::Working => ("working", C::StateWorking),
                Doing::Stuck => ("stuck", C::StateStuck),
                Doing::Offline => ("offline", C::StateOffline),
            };
            o.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"{class}\">{}</td></tr>",
                escape(&l.label),
                escape(l.lesson.as_deref().unwrap_or("—")),
                escape(l.step.as_deref().unwrap_or("—")),
                l.on_step_ms.map(|ms| duration(ms, lang)).unwrap_or_else(|| "—".to_string()),
                l.answers,
                l.solved,
                l.hints,
                l.solutions,
                escape(state.text(lang)),
            ));
        }
        o.push_str("</table>");
    }
    o.push_str(&format!("<h2>{}</h2>", escape(C::DashExercises.text(lang))));
    if v.exercises.is_empty() {
        o.push_str(&format!("<p>{}</p>", escape(C::DashNoAnswers.text(lang))));
    } else {
        o.push_str("<table id=\"exercises\"><tr>");
        for h in [
            C::ColLesson,
            C::ColStep,
            C::ColTried,
            C::ColShare,
            C::ColWrong,
            C::ColPredictions,
        ] {
            o.push_str(&format!("<th>{}</th>", escape(h.text(lang))));
        }
        o.push_str("</tr>");
        for e in &v.exercises {
            let wrong: Vec<String> = e
                .wrong
                .iter()
                .map(|(a, n)| {
                    format!(
                        "<code>{}</code> ({})",
                        escape(&short(a)),
                        escape(&C::Times.fill(lang, &[("count", n)]))
                    )
                })
                .collect();
            o.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td><span class=\"bar\" style=\"width:{}px\"></span> {}</td><td>{}</td><td class=\"spread\">{}</td></tr>",
                escape(&e.lesson),
                escape(e.step.as_str()),
                e.tried,
                e.share,
                escape(&C::Share.fill(
                    lang,
                    &[("percent", &e.share), ("solved", &e.solved)]
                )),
                if wrong.is_empty() { "—".to_string() } else { wrong.join("<br>") },
                e.predictions.as_ref().map_or_else(|| "—".to_string(), |p| spread(p, lang)),
            ));
        }
        o.push_str("</table>");
        if v.exercises.iter().any(|e| e.predictions.is_some()) {
            o.push_str(&format!(
                "<p><small>{}</small></p>",
                escape(C::SpreadLegend.text(lang))
            ));
        }
    }
    o.push_str(&format!(
        "<p><small>{}</small></p>",
        escape(&C::DashUpdated.fill(lang, &[("time", &v.at.strftime("%H:%M:%S UTC"))]))
    ));
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{LearnerName, RecordId};
    use crate::progress::Attempt;

    const NOW: i64 = 1_780_000_000_000;

    fn at(ms_before_now: i64) -> Timestamp {
        Timestamp::from_millisecond(NOW - ms_before_now).unwrap()
    }

    fn key(step: &str) -> (PackId, LessonId, StepId) {
        (
            PackId::new("p").unwrap(),
            LessonId::new("l").unwrap(),
            StepId::new(step).unwrap(),
        )
    }

    fn learner(n: i64, name: &str, answers: &[(&str, &str, bool)]) -> LearnerData {
        let attempts = answers
            .iter()
            .enumerate()
            .map(|(i, (step, answer, correct))| {
                let (p, l, s) = key(step);
                let mut a = Attempt::new(p, l, "1", s, *answer, *correct);
                a.at = at(60_000 - i as i64 * 1000);
                a
            })
            .collect();
        LearnerData {
            learner: super::super::db::LearnerRow {
                id: n,
                uid: RecordId::new(format!("uid{n}")).unwrap(),
                name: LearnerName::new(name).unwrap(),
                token_hash: format!("h{n}"),
                joined: at(120_000),
                last_seen: at(1000),
            },
            position: None,
            attempts,
        }
    }

    /// A room of four on predict step `guess` (IAM says implicit deny) and task step `task`.
    fn room() -> (Vec<LearnerData>, PredictSteps) {
        let data = vec![
            // Wrong first, then right: only the first prediction counts.
            learner(
                1,
                "ann",
                &[("guess", "allowed", false), ("guess", "implicitDeny", true)],
            ),
            learner(2, "<b>bo</b>", &[("guess", "implicitDeny", true)]),
            // A shown solution is not a prediction.
            learner(3, "cy", &[("guess", "(solution shown)", false)]),
            // An answer on a step that does not predict is not a prediction, even if it
            // reads like one.
            learner(
                4,
                "di",
                &[("task", "allowed", false), ("guess", "implicitDeny", true)],
            ),
        ];
        let mut predicts = PredictSteps::new();
        let (p, l, s) = key("guess");
        predicts.add(p, l, s, Some(Prediction::ImplicitDeny));
        (data, predicts)
    }

    fn view(data: &[LearnerData], predicts: &PredictSteps) -> View {
        View::build(
            "ABC123",
            false,
            data,
            Timestamp::from_millisecond(NOW).unwrap(),
            Duration::from_secs(600),
            &Catalog::new(),
            predicts,
        )
    }

    #[test]
    fn a_predict_step_shows_each_learners_first_prediction() {
        let (data, predicts) = room();
        let v = view(&data, &predicts);
        let guess = v
            .exercises
            .iter()
            .find(|e| e.step.as_str() == "guess")
            .unwrap();
        assert_eq!(
            guess.predictions,
            Some(Spread {
                counts: vec![
                    (Prediction::Allowed, 1),
                    (Prediction::ExplicitDeny, 0),
                    (Prediction::ImplicitDeny, 2),
                ],
                right: Some(Prediction::ImplicitDeny),
            })
        );
        // Solved share and wrong answers are still there beside it.
        assert_eq!(guess.solved, 3);
        assert_eq!(guess.share, 75);
        assert_eq!(
            guess.wrong,
            vec![
                ("(solution shown)".to_string(), 1),
                ("allowed".to_string(), 1)
            ]
        );
        let task = v
            .exercises
            .iter()
            .find(|e| e.step.as_str() == "task")
            .unwrap();
        assert_eq!(task.predictions, None);
    }

    /// A quiz's wrong answer is the numbers of the choices picked; the dashboard shows them
    /// with their text, so that the instructor reads what was chosen. An answer that is not
    /// choice numbers of the quiz stays as it is.
    #[test]
    fn a_quiz_answer_shows_the_choices_picked() {
        let data = vec![
            learner(1, "ann", &[("quiz", "2,3", false)]),
            learner(2, "bo", &[("quiz", "2, 3", false)]),
            learner(3, "cy", &[("quiz", "7", false)]),
        ];
        let mut predicts = PredictSteps::new();
        let (p, l, s) = key("quiz");
        predicts.add_quiz(
            p,
            l,
            s,
            vec![
                "Root".into(),
                "An IAM user\nwith keys".into(),
                "A role".into(),
            ],
        );
        let v = view(&data, &predicts);
        let quiz = v
            .exercises
            .iter()
            .find(|e| e.step.as_str() == "quiz")
            .unwrap();
        assert_eq!(
            quiz.wrong,
            vec![
                ("2. An IAM user with keys / 3. A role".to_string(), 2),
                ("7".to_string(), 1)
            ]
        );
    }

    #[test]
    fn without_the_packs_no_step_is_taken_for_a_prediction() {
        let (data, _) = room();
        let v = view(&data, &PredictSteps::new());
        assert!(v.exercises.iter().all(|e| e.predictions.is_none()));
    }

    #[test]
    fn the_spread_is_rendered_with_iams_answer_marked_and_names_escaped() {
        let (data, predicts) = room();
        let v = view(&data, &predicts);
        let en = live(&v, Lang::En);
        assert!(
            en.contains(
                "<span>Allowed 1</span> · <span>Explicit deny 0</span> · \
                 <strong class=\"right\" title=\"IAM&#39;s decision\">Implicit deny 2 ✓</strong>"
            ),
            "{en}"
        );
        assert!(en.contains("&lt;b&gt;bo&lt;/b&gt;"), "{en}");
        assert!(!en.contains("<b>bo"), "{en}");
        assert!(en.contains(&escape(C::SpreadLegend.text(Lang::En))), "{en}");
        let ja = live(&v, Lang::Ja);
        assert!(
            ja.contains("<span>許可 1</span> · <span>明示的な拒否 0</span> · <strong class=\"right\" title=\"IAM の判定\">暗黙的な拒否 2 ✓</strong>"),
            "{ja}"
        );
        assert!(ja.contains("<th>学習者の予測</th>"), "{ja}");
    }
}
