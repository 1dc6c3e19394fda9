//! Active time: how long a learner spent, counted once.
//!
//! An attempt records when it was given (`at`) and `time_spent_ms`, the time since its step
//! was shown. So every attempt stands for the span `[at - time_spent_ms, at]`, and the
//! attempts of one step visit overlap: three answers at 3 s, 5 s and 7 s after the step was
//! shown are the spans 0–3, 0–5 and 0–7, which is 7 s of work, not 15 s. Adding the
//! `time_spent_ms` of attempts counts the same seconds several times; this module instead:
//!
//! 1. takes each attempt's span (a start before the epoch is clamped, a negative length
//!    is impossible: `time_spent_ms` is unsigned);
//! 2. merges the spans that overlap or touch, so that wall-clock time is counted once,
//!    across steps as well (two windows on the same lesson do not double it);
//! 3. inside each merged span, splits at every known moment (a step shown, an answer given)
//!    and counts each piece at most [`IDLE_CAP_MS`]: a learner who left the step open over
//!    lunch gets 5 minutes for that gap, not an hour. Time between merged spans (nothing
//!    on screen that progress knows of) is not counted at all.
//!
//! The result is a lower bound of the time on screen, and an upper bound of the time
//! working, for any gap longer than the cap. Nothing stored changes: this is computed from
//! the attempts each time.

/// The longest gap between two known moments that still counts in full: 5 minutes. Longer
/// gaps count as this much (the words that say so are `msg::progress::Progress::IdleNote`).
pub const IDLE_CAP_MS: u64 = 5 * 60 * 1000;

/// The active time of attempts given as `(at_ms, time_spent_ms)` (milliseconds since the
/// epoch, and since the step was shown), in any order.
pub fn active_ms<I>(attempts: I) -> u64
where
    I: IntoIterator<Item = (i64, u64)>,
{
    let mut spans: Vec<(i64, i64)> = attempts
        .into_iter()
        .map(|(at, spent)| {
            let spent = i64::try_from(spent).unwrap_or(i64::MAX);
            (at.saturating_sub(spent).max(0).min(at.max(0)), at.max(0))
        })
        .collect();
    spans.sort_unstable();
    let mut total: u64 = 0;
    let mut iter = spans.into_iter().peekable();
    while let Some((start, end)) = iter.next() {
        // One merged span: its known moments, and where it ends so far.
        let mut moments = vec![start, end];
        let mut end = end;
        while let Some(&(s, e)) = iter.peek() {
            if s > end {
                break;
            }
            moments.push(s);
            moments.push(e);
            end = end.max(e);
            iter.next();
        }
        moments.sort_unstable();
        total = moments
            .windows(2)
            .filter_map(|w| match w {
                [a, b] => u64::try_from(b.saturating_sub(*a)).ok(),
                _ => None,
            })
            .fold(total, |t, gap| t.saturating_add(gap.min(IDLE_CAP_MS)));
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: i64 = 1000;

    #[test]
    fn attempts_of_one_visit_count_once() {
        // Shown at 100 s; answered at 103, 105 and 107 s: 7 s, not 3 + 5 + 7 = 15 s.
        let t0 = 100 * S;
        assert_eq!(
            active_ms([(t0 + 3 * S, 3000), (t0 + 5 * S, 5000), (t0 + 7 * S, 7000)]),
            7000
        );
    }

    #[test]
    fn separate_visits_add_and_the_time_between_does_not_count() {
        // 10 s on one step, an hour away, then 20 s on another step.
        assert_eq!(active_ms([(10 * S, 10_000), (3_620 * S, 20_000)]), 30_000);
    }

    #[test]
    fn an_idle_gap_counts_as_the_cap() {
        // Shown at 0, answered at 60 s, then left open: the next answer is at 1 h.
        let cap = i64::try_from(IDLE_CAP_MS).unwrap_or(0);
        assert_eq!(
            active_ms([(60 * S, 60_000), (3_600 * S, 3_600_000)]),
            60_000 + IDLE_CAP_MS
        );
        // A gap of exactly the cap counts in full.
        assert_eq!(active_ms([(cap, IDLE_CAP_MS)]), IDLE_CAP_MS);
    }

    #[test]
    fn odd_input_neither_panics_nor_goes_negative() {
        assert_eq!(active_ms([]), 0);
        assert_eq!(active_ms([(5 * S, u64::MAX)]), 5000);
        assert_eq!(active_ms([(-5, 10)]), 0);
        assert_eq!(active_ms([(i64::MAX, 0), (i64::MIN, 0)]), 0);
    }
}
