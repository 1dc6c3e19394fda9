//! Walking a reported escalation path in the sandbox (`iamdojo sandbox --replay ID`): the
//! path's first principal is given credentials, then each command of the path's walk runs
//! through the sandbox's AWS CLI as it stands, every call decided by the evaluator and
//! recorded in CloudTrail; a command whose answer holds credentials (`assume-role`,
//! `create-access-key`, the metadata service, or the result of a function whose code made an
//! access key) hands the walk on to them. The walk ends when a
//! command is refused, or with a call only an administrator may make.

use serde_json::Value;

use crate::account::SessionKind;
use crate::account::command::{Creds, Output, Profile, Sandbox};

use super::escalation::{Move, Path};

/// The profile the replay acts through.
pub const PROFILE: &str = "escalation";

/// The call made at the end to show that the principal reached is an administrator.
pub const PROOF: &str = "aws iam create-user --user-name escalation-proof";

/// One command the replay ran and what it printed.
#[derive(Debug, Clone)]
pub struct Ran {
    /// The command line, with `<instance-id>` filled in.
    pub line: String,
    /// What the sandbox printed.
    pub output: Output,
}

/// How the replay began and ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The path's first principal has no credentials to act with: a user with two access keys
    /// of which none is active.
    NoCredentials,
    /// A command was refused: the path does not hold (any more).
    Refused,
    /// The last command set an administrator's console password, which the sandbox cannot
    /// sign in with.
    ConsolePassword(String),
    /// The proof call succeeded as this principal (ARN).
    Administrator(String),
}

/// What the replay did.
#[derive(Debug, Clone)]
pub struct Replay {
    /// What the first principal acts with: an access key id.
    pub start_key: Option<String>,
    /// Each command run, the proof call last.
    pub ran: Vec<Ran>,
    /// How it ended.
    pub outcome: Outcome,
}

/// Walks `path` in `sb`.
pub fn replay(sb: &mut Sandbox, path: &Path) -> Replay {
    let Some(creds) = start(sb, &path.from) else {
        return Replay {
            start_key: None,
            ran: Vec::new(),
            outcome: Outcome::NoCredentials,
        };
    };
    let start_key = match &creds {
        Creds::Keys { access_key_id, .. } => Some(access_key_id.clone()),
        Creds::RootConsole | Creds::RootOf(_) => None,
    };
    act_as(sb, creds);
    let mut ran = Vec::new();
    let mut instance: Option<String> = None;
    let mut who = path.from.clone();
    for m in &path.walk {
        if let Some((file, text)) = &m.writes {
            sb.files.insert(file.clone(), text.clone());
        }
        let line = fill(m, instance.as_deref());
        let output = sb.run(&line);
        let ok = output.code == 0;
        let answer: Option<Value> = serde_json::from_str(&output.stdout).ok();
        ran.push(Ran { line, output });
        if !ok {
            return Replay {
                start_key,
                ran,
                outcome: Outcome::Refused,
            };
        }
        if let Some(id) = answer.as_ref().and_then(instance_id) {
            instance = Some(id);
        }
        if let Some(next) = &m.becomes {
            // A function's result lists the answers of its calls: the credentials are in the
            // last that holds some.
            let result: Option<Value> = m
                .result_in
                .as_ref()
                .and_then(|f| sb.files.get(f))
                .and_then(|t| serde_json::from_str(t).ok());
            let from_result = result.as_ref().and_then(|v| {
                v.as_array()?
                    .iter()
                    .rev()
                    .find_map(|e| credentials(e.get("output")?))
            });
            let Some(creds) = from_result.or_else(|| answer.as_ref().and_then(credentials)) else {
                return Replay {
                    start_key,
                    ran,
                    outcome: Outcome::Refused,
                };
            };
            act_as(sb, creds);
            who = next.clone();
        }
    }
    if m_sets_password(path) {
        return Replay {
            start_key,
            ran,
            outcome: Outcome::ConsolePassword(path.to.clone()),
        };
    }
    let output = sb.run(PROOF);
    let ok = output.code == 0;
    ran.push(Ran {
        line: PROOF.to_string(),
        output,
    });
    Replay {
        start_key,
        ran,
        outcome: if ok {
            Outcome::Administrator(who)
        } else {
            Outcome::Refused
        },
    }
}

/// Whether the walk's last command sets a console password.
fn m_sets_password(path: &Path) -> bool {
    path.walk
        .last()
        .is_some_and(|m| m.line.contains("-login-profile "))
}

/// The command line of `m`, the instance launched before it filled in.
fn fill(m: &Move, instance: Option<&str>) -> String {
    match instance {
        Some(i) => m.line.replace("<instance-id>", i),
        None => m.line.clone(),
    }
}

/// Credentials of the path's first principal, in its account: for a user, an active access key it has or a
/// new one (as whoever walks the path would hold); for a role, a new session of it (as the
/// workload that runs with the role would have).
fn start(sb: &mut Sandbox, from: &str) -> Option<Creds> {
    // The principal's own account: the home one, or another of the scenario's.
    let id = from.split(':').nth(4).unwrap_or("");
    let a = if id == sb.account.id {
        &mut sb.account
    } else {
        sb.accounts.get_mut(id)?
    };
    let name = from.rsplit('/').next().unwrap_or(from).to_string();
    if from.contains(":user/") {
        let active = a.users.get(&name).and_then(|u| {
            u.access_keys
                .iter()
                .find(|k| k.status == crate::account::KeyStatus::Active)
                .cloned()
        });
        let key = match active {
            Some(k) => k,
            None => {
                if a.users.get(&name)?.access_keys.len()
                    >= crate::account::rules::ACCESS_KEYS_PER_USER.default
                {
                    return None;
                }
                let k = a.new_access_key();
                a.users.get_mut(&name)?.access_keys.push(k.clone());
                k
            }
        };
        return Some(Creds::Keys {
            access_key_id: key.id,
            secret: key.secret,
            session_token: None,
        });
    }
    a.roles.get(&name)?;
    let kind = SessionKind::Role {
        role: name,
        session_name: "workload".into(),
    };
    let s = crate::account::sts::new_session(a, kind, 3600, None, false, None);
    let (id, secret, token) = (s.access_key_id, s.secret, s.token);
    Some(Creds::Keys {
        access_key_id: id,
        secret,
        session_token: Some(token),
    })
}

/// Makes [`PROFILE`], holding `creds`, the sandbox's current profile: the walk's commands run
/// as they are written.
fn act_as(sb: &mut Sandbox, creds: Creds) {
    sb.profile = PROFILE.to_string();
    sb.profiles.insert(
        PROFILE.to_string(),
        Profile {
            creds: Some(creds),
            region: None,
        },
    );
}

/// The credentials an answer holds: `Credentials` of STS, `AccessKey` of IAM, or the
/// metadata service's document (`Token` for the session token).
fn credentials(v: &Value) -> Option<Creds> {
    let c = v
        .get("Credentials")
        .or_else(|| v.get("AccessKey"))
        .unwrap_or(v);
    let s = |k: &str| c.get(k).and_then(Value::as_str).map(str::to_string);
    Some(Creds::Keys {
        access_key_id: s("AccessKeyId")?,
        secret: s("SecretAccessKey")?,
        session_token: s("SessionToken").or_else(|| s("Token")),
    })
}

/// The instance `run-instances` launched.
fn instance_id(v: &Value) -> Option<String> {
    v.get("Instances")?
        .get(0)?
        .get("InstanceId")?
        .as_str()
        .map(str::to_string)
}
