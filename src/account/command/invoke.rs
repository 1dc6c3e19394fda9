//! Running a Lambda function's code: after `lambda invoke` was allowed (`lambda::invoke`), the
//! function's command lines run one by one as its role session, each through the whole
//! command layer (authorized, recorded in CloudTrail, a second of simulated time), and the
//! result is written to the invoke's outfile. A function that invokes a function runs it the
//! same way, one session deeper; the calls of one invoke and the depth are bounded
//! ([`lambda::MAX_CALLS`], [`lambda::MAX_DEPTH`]).
//!
//! The outfile holds a JSON list, an entry per call made: `{"command", "output"}` for a call
//! that succeeded (its JSON answer, or its text), `{"command", "errorType", "errorMessage"}`
//! for the one that failed, after which the function stops, as code stops at an unhandled
//! error, and the invoke answers `FunctionError: "Unhandled"`. A bound reached stops every
//! function of the chain, each answering `Unhandled`, as Lambda stops a recursive loop.

use serde_json::{Value, json};

use super::cli_error::PREFIX;
use super::{Output, Sandbox, obj, shell_error};
use crate::account::authz::{Caller, Identity};
use crate::account::lambda::{FUNCTION_IP, MAX_CALLS, MAX_DEPTH, Pending};
use crate::msg::Message;
use crate::msg::sandbox::Sandbox as Say;

/// Lambda's limit on a synchronous invocation's response payload, in bytes
/// (<https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html>).
const MAX_PAYLOAD: usize = 6_291_556;

/// The functions running now, innermost last, and the calls the outermost invoke has left.
#[derive(Debug, Clone)]
pub(super) struct Running {
    /// Each running function's role session.
    pub callers: Vec<Caller>,
    /// How many calls may still be made.
    pub calls_left: usize,
    /// A bound was reached: every running function stops, as Lambda stops a recursive loop.
    pub stopped: bool,
}

impl Sandbox {
    /// Runs the function `p` names (already authorized) and writes its result to the outfile;
    /// `answer` is the invoke's answer, given `FunctionError` when a call failed.
    pub(super) fn run_function(&mut self, p: &Pending, answer: Value) -> Value {
        // A function of another account runs there: its calls are its role's, in its account.
        let home = p.account.as_deref().and_then(|id| self.swap_in(id));
        let answer = self.run_here(p, answer);
        if let Some(id) = home {
            self.swap_in(&id);
        }
        answer
    }

    /// [`Sandbox::run_function`] for a function of the account in the home account's place.
    fn run_here(&mut self, p: &Pending, answer: Value) -> Value {
        let Some(f) = self.account.functions.get(&p.function).cloned() else {
            return answer;
        };
        let depth = self.running.as_ref().map_or(0, |r| r.callers.len());
        let mut entries = Vec::new();
        let mut failed = false;
        if depth >= MAX_DEPTH {
            entries.push(sandbox_error(
                "(invoke)",
                Say::FunctionTooDeep.fill(self.lang, &[("max", &MAX_DEPTH)]),
            ));
            failed = true;
            if let Some(r) = self.running.as_mut() {
                r.stopped = true;
            }
        } else {
            let session = Caller {
                identity: Identity::Role {
                    role: f.role_name().to_string(),
                    session: f.name.clone(),
                },
                access_key_id: Some(self.account.new_id("ASIA", 16)),
                session_key: None,
                mfa: None,
                token_issued: Some(self.account.now),
                source_ip: FUNCTION_IP.to_string(),
                region: f.region.clone(),
            };
            let outer = self.running.take();
            let mut callers = outer
                .as_ref()
                .map(|r| r.callers.clone())
                .unwrap_or_default();
            callers.push(session);
            self.running = Some(Running {
                callers,
                calls_left: outer.as_ref().map_or(MAX_CALLS, |r| r.calls_left),
                stopped: false,
            });
            for line in &f.code {
                let Some(run) = self.running.as_mut().filter(|r| r.calls_left > 0) else {
                    entries.push(sandbox_error(
                        line,
                        Say::FunctionCallsExhausted.fill(self.lang, &[("max", &MAX_CALLS)]),
                    ));
                    if let Some(r) = self.running.as_mut() {
                        r.stopped = true;
                    }
                    failed = true;
                    break;
                };
                run.calls_left -= 1;
                let out = if is_aws_line(line) {
                    match self.run_inner(line) {
                        Ok(o) | Err(o) => o,
                    }
                } else {
                    shell_error(Say::FunctionNotAws.text(self.lang).to_string())
                };
                entries.push(entry(line, &out));
                let stopped = self.running.as_ref().is_some_and(|r| r.stopped);
                if out.code != 0 || stopped {
                    failed = true;
                    break;
                }
            }
            let (left, stopped) = self
                .running
                .take()
                .map_or((0, false), |r| (r.calls_left, r.stopped));
            self.running = outer.map(|mut r| {
                r.calls_left = left;
                r.stopped = stopped;
                r
            });
        }
        let asynchronous = answer.get("StatusCode") == Some(&json!(202));
        let mut payload = serde_json::to_string_pretty(&Value::Array(entries)).unwrap_or_default();
        if payload.len() > MAX_PAYLOAD {
            payload = json!({
                "errorMessage": format!("Response payload size exceeded maximum allowed payload size ({MAX_PAYLOAD} bytes)."),
                "errorType": "Function.ResponseSizeTooLarge",
            })
            .to_string();
            failed = true;
        }
        // An asynchronous invocation's outfile stays empty: its result goes nowhere.
        self.files.insert(
            p.outfile.clone(),
            if asynchronous {
                String::new()
            } else {
                payload + "\n"
            },
        );
        if !failed || asynchronous {
            return answer;
        }
        obj([
            (
                "StatusCode",
                answer.get("StatusCode").cloned().unwrap_or(json!(200)),
            ),
            ("FunctionError", json!("Unhandled")),
            (
                "ExecutedVersion",
                answer
                    .get("ExecutedVersion")
                    .cloned()
                    .unwrap_or(Value::Null),
            ),
        ])
    }
}

/// Whether `line` is an AWS CLI command line, the only kind a function's code runs.
fn is_aws_line(line: &str) -> bool {
    line.split_whitespace().next() == Some("aws")
}

/// The outfile's entry for one call.
fn entry(line: &str, out: &Output) -> Value {
    if out.code == 0 {
        let output = serde_json::from_str::<Value>(&out.stdout).unwrap_or_else(|_| {
            if out.stdout.is_empty() {
                Value::Null
            } else {
                json!(out.stdout.trim_end())
            }
        });
        return json!({"command": line, "output": output});
    }
    let message = out.stderr.trim();
    if let Some(own) = message.strip_prefix("sandbox:") {
        return sandbox_error(line, own.trim().to_string());
    }
    let message = message.strip_prefix(PREFIX).unwrap_or(message).trim();
    // `An error occurred (AccessDenied) when calling …`: AWS's code is the error's type.
    let kind = message
        .strip_prefix("An error occurred (")
        .and_then(|m| m.split_once(')'))
        .map(|(code, _)| code.to_string())
        .unwrap_or_else(|| format!("ExitStatus{}", out.code));
    json!({"command": line, "errorType": kind, "errorMessage": message})
}

/// An entry for the sandbox's own refusal to run `line`.
fn sandbox_error(line: &str, message: String) -> Value {
    json!({"command": line, "errorType": "Sandbox", "errorMessage": message})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_takes_aws_error_code_as_its_type() {
        let out = Output {
            stdout: String::new(),
            stderr: format!(
                "\n{PREFIX} An error occurred (AccessDenied) when calling the AttachUserPolicy operation: no\n"
            ),
            code: 254,
        };
        let e = entry("aws iam attach-user-policy", &out);
        assert_eq!(e["errorType"], "AccessDenied");
        assert!(
            e["errorMessage"]
                .as_str()
                .unwrap()
                .starts_with("An error occurred")
        );
    }

    #[test]
    fn an_entry_keeps_json_output_as_json() {
        let out = Output {
            stdout: "{\"a\": 1}\n".into(),
            stderr: String::new(),
            code: 0,
        };
        assert_eq!(entry("aws x y", &out)["output"], json!({"a": 1}));
        assert!(is_aws_line("aws iam list-users"));
        assert!(!is_aws_line("curl http://x"));
    }
}
