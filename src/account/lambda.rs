//! AWS Lambda: functions with an execution role, whose "code" is, by the sandbox's
//! convention, a list of AWS CLI command lines. `invoke` runs those lines in order as the
//! function's role session (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/FUNCTION`, as Lambda names
//! it), each authorized and recorded in CloudTrail like any call, so that passing a powerful
//! role to a function (`iam:PassRole`) is a real escalation and a traceable one.
//!
//! This module holds the functions' state ([`Function`], kept in `Account::functions` for the
//! audit to read), the commands' handlers and the rules they share with the scenario loader
//! (what a code file's lines are, whether Lambda may assume a role). Running a function's calls
//! needs the whole sandbox, so the command layer does it (`command::invoke`) after [`invoke`]
//! has authorized the call and named the function in [`Call::pending`].

use std::collections::BTreeMap;

use base64::Engine as _;
use jiff::Timestamp;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::Account;
use super::command::{Args, Call, Spec, obj};
use super::error::AwsError;
use super::model::Document;
use crate::policy::PolicyType;

/// The service principal a function's role must trust.
pub const SERVICE: &str = "lambda.amazonaws.com";

/// The most calls one `invoke` runs, counting the calls of the functions it invokes in turn
/// (the sandbox's bound: a real function is bounded by its timeout instead).
pub const MAX_CALLS: usize = 50;

/// How deep functions may invoke functions (the function invoked by the learner is depth 1).
/// Lambda stops a recursive loop after about 16 invocations; the sandbox stops sooner.
pub const MAX_DEPTH: usize = 4;

/// The most lines a function's code may hold.
pub const MAX_LINES: usize = 200;

/// The IP address the sandbox's functions call AWS from (a documentation address: Lambda's
/// are AWS's own public addresses, never the learner's).
pub const FUNCTION_IP: &str = "192.0.2.80";

/// One Lambda function.
#[derive(Debug, Clone)]
pub struct Function {
    /// Its name.
    pub name: String,
    /// `arn:aws:lambda:REGION:ACCOUNT:function:NAME`.
    pub arn: String,
    /// The Region it lives in.
    pub region: String,
    /// The execution role's ARN.
    pub role: String,
    /// e.g. `python3.12`.
    pub runtime: Option<String>,
    /// e.g. `index.handler`.
    pub handler: Option<String>,
    /// The description.
    pub description: String,
    /// The code as given (the file's text).
    pub source: String,
    /// The calls the code makes: the source's command lines, comments and blank lines left out.
    pub code: Vec<String>,
    /// Environment variables.
    pub environment: BTreeMap<String, String>,
    /// Seconds.
    pub timeout: i64,
    /// MiB.
    pub memory: i64,
    /// When its code or configuration last changed.
    pub last_modified: Timestamp,
    /// The revision id, new at every change.
    pub revision_id: String,
    /// The statements of its resource-based policy, in the order they were added.
    pub statements: Vec<Value>,
    /// The resource-based policy compiled from `statements` (none while there is none).
    pub policy: Option<Document>,
}

impl Function {
    /// The base64 SHA-256 of the code, as Lambda's `CodeSha256`.
    pub fn code_sha256(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(self.source.as_bytes()))
    }

    /// The role's name, the last part of its ARN.
    pub fn role_name(&self) -> &str {
        role_name(&self.role)
    }

    /// The resource-based policy as Lambda prints it (`{"Version":…,"Id":"default",…}`).
    pub fn policy_text(&self) -> Option<String> {
        if self.statements.is_empty() {
            return None;
        }
        Some(
            json!({"Version": "2012-10-17", "Id": "default", "Statement": self.statements})
                .to_string(),
        )
    }

    /// Compiles [`Function::policy_text`] into [`Function::policy`].
    pub fn recompile(&mut self) -> Result<(), crate::policy::PolicyError> {
        self.policy = match self.policy_text() {
            Some(t) => Some(Document::parse(&t, PolicyType::Resource)?),
            None => None,
        };
        Ok(())
    }
}

/// The name at the end of a role ARN (`arn:aws:iam::1:role/path/NAME` → `NAME`).
pub fn role_name(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}

/// The command lines of a code file: one call a line; blank lines and `#` comments left out.
pub fn code_lines(source: &str) -> Vec<String> {
    source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Why Lambda would refuse `role` as a function's execution role in `account`: not a role of
/// the account, or one whose trust policy does not let `lambda.amazonaws.com` assume it
/// (<https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html>).
pub fn assumable(account: &Account, role: &str) -> bool {
    let ours = format!("arn:aws:iam::{}:role/", account.id);
    role.starts_with(&ours)
        && account
            .roles
            .get(role_name(role))
            .is_some_and(|r| r.arn == role)
        && account.service_may_assume(role_name(role), SERVICE)
}

/// What [`invoke`] leaves for the command layer: the function to run and where its result goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The function's name.
    pub function: String,
    /// The local file the result is written to.
    pub outfile: String,
    /// The account that holds the function when it is another account's (the function runs
    /// there, as its role).
    pub account: Option<String>,
}

/// CloudTrail's `eventName` of a Lambda operation: Lambda records most with its API version
/// (`CreateFunction20150331`, `UpdateFunctionCode20150331v2`), as
/// <https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html> says ("The
/// eventName might include date and version information … but it is still referring to the
/// same public API"); the suffixes are the ones CloudTrail records for these operations.
pub fn event_name(operation: &str) -> Option<&'static str> {
    Some(match operation {
        "CreateFunction" => "CreateFunction20150331",
        "DeleteFunction" => "DeleteFunction20150331",
        "GetFunction" => "GetFunction20150331v2",
        "ListFunctions" => "ListFunctions20150331",
        "UpdateFunctionCode" => "UpdateFunctionCode20150331v2",
        "UpdateFunctionConfiguration" => "UpdateFunctionConfiguration20150331v2",
        "AddPermission" => "AddPermission20150331v2",
        "RemovePermission" => "RemovePermission20150331v2",
        "GetPolicy" => "GetPolicy20150331v2",
        "Invoke" => "Invoke",
        _ => return None,
    })
}

/// The Lambda commands.
pub const COMMANDS: &[Spec] = &[
    Spec {
        service: "lambda",
        name: "create-function",
        operation: "CreateFunction",
        params: &[],
        run: create_function,
    },
    Spec {
        service: "lambda",
        name: "get-function",
        operation: "GetFunction",
        params: &[],
        run: get_function,
    },
    Spec {
        service: "lambda",
        name: "list-functions",
        operation: "ListFunctions",
        params: &[],
        run: list_functions,
    },
    Spec {
        service: "lambda",
        name: "update-function-code",
        operation: "UpdateFunctionCode",
        params: &[],
        run: update_function_code,
    },
    Spec {
        service: "lambda",
        name: "update-function-configuration",
        operation: "UpdateFunctionConfiguration",
        params: &[],
        run: update_function_configuration,
    },
    Spec {
        service: "lambda",
        name: "invoke",
        operation: "Invoke",
        params: &[],
        run: invoke,
    },
    Spec {
        service: "lambda",
        name: "add-permission",
        operation: "AddPermission",
        params: &[],
        run: add_permission,
    },
    Spec {
        service: "lambda",
        name: "get-policy",
        operation: "GetPolicy",
        params: &[],
        run: get_policy,
    },
    Spec {
        service: "lambda",
        name: "remove-permission",
        operation: "RemovePermission",
        params: &[],
        run: remove_permission,
    },
    Spec {
        service: "lambda",
        name: "delete-function",
        operation: "DeleteFunction",
        params: &[],
        run: delete_function,
    },
];

/// Lambda's answer to a denied call: `AccessDeniedException` with IAM's message.
fn allow(
    c: &Call,
    action: &str,
    resource: &str,
    extra: &[(&str, Vec<String>)],
    policy: Option<&Document>,
) -> Result<(), AwsError> {
    c.account
        .authorize(&c.caller, c.operation, action, resource, extra, policy)
        .map(|_| ())
        .map_err(|e| AwsError {
            code: "AccessDeniedException".into(),
            ..e
        })
}

/// The name a `--function-name` gives: a name, or a function ARN (its last part).
fn name_of(a: &Args) -> String {
    let v = a.s("function-name");
    match v.rsplit_once(":function:") {
        Some((_, rest)) => rest.split(':').next().unwrap_or(rest).to_string(),
        None => v.to_string(),
    }
}

/// The ARN of the function `name` in the caller's Region (an existing function keeps its own).
fn arn_of(c: &Call, name: &str) -> String {
    match c.account.functions.get(name) {
        Some(f) => f.arn.clone(),
        None => format!(
            "arn:aws:lambda:{}:{}:function:{name}",
            c.caller.region, c.account.id
        ),
    }
}

/// The other account of the sandbox a `--function-name` ARN names
/// (`arn:aws:lambda:REGION:ACCOUNT:function:NAME`), if it names one; `None` for a name, an
/// ARN of the caller's account, or of an account the sandbox does not have.
fn owner_of(c: &Call, a: &Args) -> Option<String> {
    let id = a
        .s("function-name")
        .strip_prefix("arn:")?
        .split(':')
        .nth(3)?;
    (id != c.account.id && c.others.contains_key(id)).then(|| id.to_string())
}

/// `ResourceNotFoundException` for a function that does not exist.
fn not_found(c: &Call, arn: &str) -> AwsError {
    c.err(
        "ResourceNotFoundException",
        format!("Function not found: {arn}"),
    )
}

/// The function `name`, after the caller was allowed `action` on it.
fn authorized(c: &Call, name: &str, action: &str, with_policy: bool) -> Result<Function, AwsError> {
    let arn = arn_of(c, name);
    let f = c.account.functions.get(name);
    let policy = f.and_then(|f| f.policy.as_ref()).filter(|_| with_policy);
    allow(c, action, &arn, &[], policy)?;
    f.cloned().ok_or_else(|| not_found(c, &arn))
}

/// The function `--function-name` names and the other account that holds it (`None`: the
/// caller's), after the caller was allowed `action` on it. A function of another account is
/// decided with its resource-based policy, which must allow the caller as well as the caller's
/// own policies: "The resource-based policy grants permission for the other account to access
/// the function, but doesn't allow users in that account to exceed their permissions"
/// (<https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html>);
/// "For Lambda functions, you can grant an account permission to invoke or manage a function"
/// (<https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html>). RCPs
/// do not apply to Lambda, whose resources are not among those they restrict (the evaluator's
/// `RCP_SERVICES`).
fn authorized_across(
    c: &Call,
    a: &Args,
    action: &str,
    with_policy: bool,
) -> Result<(Function, Option<String>), AwsError> {
    let name = name_of(a);
    let Some(id) = owner_of(c, a) else {
        return authorized(c, &name, action, with_policy).map(|f| (f, None));
    };
    let Some(owner) = c.others.get(&id) else {
        return authorized(c, &name, action, with_policy).map(|f| (f, None));
    };
    let f = owner.functions.get(&name);
    let arn = f.map_or_else(
        || format!("arn:aws:lambda:{}:{id}:function:{name}", c.caller.region),
        |f| f.arn.clone(),
    );
    c.account
        .authorize_on(
            owner,
            &c.caller,
            c.operation,
            action,
            &arn,
            &[],
            f.and_then(|f| f.policy.as_ref()),
        )
        .map_err(|e| AwsError {
            code: "AccessDeniedException".into(),
            ..e
        })?;
    let f = f.cloned().ok_or_else(|| not_found(c, &arn))?;
    Ok((f, Some(id)))
}

/// Keeps `f`, changed, in the account that holds it: the caller's, or the other account
/// `owner`.
fn keep(c: &mut Call, owner: Option<&str>, f: Function) {
    let account = match owner.and_then(|id| c.others.get_mut(id)) {
        Some(other) => other,
        None => &mut *c.account,
    };
    account.functions.insert(f.name.clone(), f);
}

/// Lambda's time format, e.g. `2026-01-05T09:00:00.000+0000`.
fn modified(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%S%.3f+0000").to_string()
}

/// A function's configuration as Lambda answers it (`FunctionConfiguration`).
pub fn configuration(f: &Function, state: &str) -> Value {
    let env = if f.environment.is_empty() {
        Value::Null
    } else {
        json!({ "Variables": f.environment })
    };
    let (reason, reason_code) = if state == "Pending" {
        (json!("The function is being created."), json!("Creating"))
    } else {
        (Value::Null, Value::Null)
    };
    obj([
        ("FunctionName", json!(f.name)),
        ("FunctionArn", json!(f.arn)),
        ("Runtime", json!(f.runtime)),
        ("Role", json!(f.role)),
        ("Handler", json!(f.handler)),
        ("CodeSize", json!(f.source.len())),
        ("Description", json!(f.description)),
        ("Timeout", json!(f.timeout)),
        ("MemorySize", json!(f.memory)),
        ("LastModified", json!(modified(f.last_modified))),
        ("CodeSha256", json!(f.code_sha256())),
        ("Version", json!("$LATEST")),
        ("Environment", env),
        ("TracingConfig", json!({"Mode": "PassThrough"})),
        ("RevisionId", json!(f.revision_id)),
        ("State", json!(state)),
        ("StateReason", reason),
        ("StateReasonCode", reason_code),
        ("PackageType", json!("Zip")),
        ("Architectures", json!(["x86_64"])),
        ("EphemeralStorage", json!({"Size": 512})),
        (
            "SnapStart",
            json!({"ApplyOn": "None", "OptimizationStatus": "Off"}),
        ),
        (
            "LoggingConfig",
            json!({"LogFormat": "Text", "LogGroup": format!("/aws/lambda/{}", f.name)}),
        ),
    ])
}

/// A new revision id (in a UUID's shape).
pub fn revision(account: &mut Account) -> String {
    let h = account.new_hex(32);
    let part = |a: usize, b: usize| h.get(a..b).unwrap_or("0").to_string();
    format!(
        "{}-{}-{}-{}-{}",
        part(0, 8),
        part(8, 12),
        part(12, 16),
        part(16, 20),
        part(20, 32)
    )
}

/// The code a request gives: `--zip-file fileb://NAME` (or `file://NAME`), one of the
/// sandbox's local files, which the command layer has read into `ZipFile` (`Code.ZipFile` for
/// `create-function`, as the CLI sends it).
fn code_of(c: &Call, a: &Args) -> Result<Option<String>, AwsError> {
    // `create-function --zip-file` with no `fileb://` sends the word itself as the package,
    // which Lambda cannot unzip. (For `update-function-code` the flag names the member, which
    // holds what was read.)
    if c.operation == "CreateFunction"
        && let Some(v) = a.opt("zip-file")
        && !v.starts_with("fileb://")
        && !v.starts_with("file://")
    {
        return Err(c.err(
            "InvalidParameterValueException",
            "Could not unzip uploaded file. Please check your file, then try to upload again.",
        ));
    }
    let zip = a
        .member("ZipFile")
        .or_else(|| a.member("Code").and_then(|c| c.get("ZipFile")));
    Ok(zip.and_then(Value::as_str).map(str::to_string))
}

/// The lines of `source`, refused when there are more than [`MAX_LINES`].
fn lines_of(c: &Call, source: &str) -> Result<Vec<String>, AwsError> {
    let lines = code_lines(source);
    if lines.len() > MAX_LINES {
        return Err(c.err(
            "InvalidParameterValueException",
            format!(
                "Unzipped size must be smaller than the sandbox's {MAX_LINES} calls per function."
            ),
        ));
    }
    Ok(lines)
}

/// Checks that the caller may pass `role` to Lambda (`iam:PassRole` with
/// `iam:PassedToService`) and that Lambda may assume it.
fn pass_role(c: &Call, role: &str) -> Result<(), AwsError> {
    allow(
        c,
        "iam:PassRole",
        role,
        &[("iam:PassedToService", vec![SERVICE.to_string()])],
        None,
    )?;
    if !assumable(c.account, role) {
        return Err(c.err(
            "InvalidParameterValueException",
            "The role defined for the function cannot be assumed by Lambda.",
        ));
    }
    Ok(())
}

/// The `Environment.Variables` of a request.
fn environment_of(a: &Args) -> Option<BTreeMap<String, String>> {
    let vars = a.member("Environment")?.get("Variables")?.as_object()?;
    Some(
        vars.iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
            .collect(),
    )
}

fn create_function(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = name_of(a);
    let arn = arn_of(c, &name);
    allow(c, "lambda:CreateFunction", &arn, &[], None)?;
    let role = a.s("role").to_string();
    pass_role(c, &role)?;
    let Some(source) = code_of(c, a)? else {
        return Err(c.err(
            "InvalidParameterValueException",
            "Please provide a source for function code.",
        ));
    };
    let code = lines_of(c, &source)?;
    if c.account.functions.contains_key(&name) {
        return Err(c.err(
            "ResourceConflictException",
            format!("Function already exist: {name}"),
        ));
    }
    let revision_id = revision(c.account);
    let f = Function {
        name: name.clone(),
        arn,
        region: c.caller.region.clone(),
        role,
        runtime: a.opt("runtime").map(str::to_string),
        handler: a.opt("handler").map(str::to_string),
        description: a.opt("description").unwrap_or_default().to_string(),
        source,
        code,
        environment: environment_of(a).unwrap_or_default(),
        timeout: a.int("timeout").unwrap_or(3),
        memory: a.int("memory-size").unwrap_or(128),
        last_modified: c.account.now,
        revision_id,
        statements: Vec::new(),
        policy: None,
    };
    let out = configuration(&f, "Pending");
    c.account.functions.insert(name, f);
    Ok(out)
}

fn get_function(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (f, _) = authorized_across(c, a, "lambda:GetFunction", false)?;
    // Lambda answers a presigned S3 address of the deployment package; the sandbox's has no
    // signature (the code is what `get-function` cannot download here).
    let location = format!(
        "https://awslambda-{r}-tasks.s3.{r}.amazonaws.com/snapshots/{}/{}-{}",
        f.arn.split(':').nth(4).unwrap_or_default(),
        f.name,
        f.revision_id,
        r = f.region
    );
    Ok(obj([
        ("Configuration", configuration(&f, "Active")),
        (
            "Code",
            json!({"RepositoryType": "S3", "Location": location}),
        ),
    ]))
}

fn list_functions(c: &mut Call, _a: &Args) -> Result<Value, AwsError> {
    allow(c, "lambda:ListFunctions", "*", &[], None)?;
    let functions: Vec<Value> = c
        .account
        .functions
        .values()
        .map(|f| configuration(f, "Active"))
        .map(|mut v| {
            // ListFunctions leaves out the state, as Lambda's list does.
            if let Some(m) = v.as_object_mut() {
                m.remove("State");
            }
            v
        })
        .collect();
    Ok(json!({ "Functions": functions }))
}

fn update_function_code(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (mut f, owner) = authorized_across(c, a, "lambda:UpdateFunctionCode", false)?;
    let Some(source) = code_of(c, a)? else {
        return Err(c.err(
            "InvalidParameterValueException",
            "Please provide a source for function code.",
        ));
    };
    f.code = lines_of(c, &source)?;
    f.source = source;
    f.last_modified = c.account.now;
    f.revision_id = revision(c.account);
    let out = configuration(&f, "Active");
    keep(c, owner.as_deref(), f);
    Ok(out)
}

fn update_function_configuration(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = name_of(a);
    let mut f = authorized(c, &name, "lambda:UpdateFunctionConfiguration", false)?;
    if let Some(role) = a.opt("role") {
        pass_role(c, role)?;
        f.role = role.to_string();
    }
    if let Some(r) = a.opt("runtime") {
        f.runtime = Some(r.to_string());
    }
    if let Some(h) = a.opt("handler") {
        f.handler = Some(h.to_string());
    }
    if let Some(d) = a.opt("description") {
        f.description = d.to_string();
    }
    if let Some(t) = a.int("timeout") {
        f.timeout = t;
    }
    if let Some(m) = a.int("memory-size") {
        f.memory = m;
    }
    if let Some(env) = environment_of(a) {
        f.environment = env;
    }
    f.last_modified = c.account.now;
    f.revision_id = revision(c.account);
    let out = configuration(&f, "Active");
    c.account.functions.insert(name, f);
    Ok(out)
}

/// `aws lambda invoke`: authorizes `lambda:InvokeFunction` with the function's resource-based
/// policy and leaves the run to the command layer ([`Pending`]). `--invocation-type DryRun`
/// only checks (status 204); `Event` answers 202 and runs the function at once (the sandbox
/// has no queue).
fn invoke(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (f, account) = authorized_across(c, a, "lambda:InvokeFunction", true)?;
    let status = match a.opt("invocation-type") {
        Some("DryRun") => return Ok(json!({"StatusCode": 204})),
        Some("Event") => 202,
        _ => 200,
    };
    c.pending = Some(Pending {
        function: f.name,
        outfile: a.s("outfile").to_string(),
        account,
    });
    if status == 202 {
        return Ok(json!({"StatusCode": 202}));
    }
    Ok(json!({"StatusCode": 200, "ExecutedVersion": "$LATEST"}))
}

/// The `Principal` of a statement `add-permission --principal` makes: a service, an account
/// (its root), `*`, or an ARN.
fn principal_of(p: &str) -> Value {
    if p == "*" {
        json!("*")
    } else if p.ends_with(".amazonaws.com") {
        json!({"Service": p})
    } else if p.len() == 12 && p.bytes().all(|b| b.is_ascii_digit()) {
        json!({"AWS": format!("arn:aws:iam::{p}:root")})
    } else {
        json!({"AWS": p})
    }
}

fn add_permission(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = name_of(a);
    let mut f = authorized(c, &name, "lambda:AddPermission", false)?;
    let sid = a.s("statement-id").to_string();
    if f.statements
        .iter()
        .any(|s| s.get("Sid") == Some(&json!(sid)))
    {
        return Err(c.err(
            "ResourceConflictException",
            "The statement id (sid) provided already exists. Please choose another statement id",
        ));
    }
    let mut condition = Map::new();
    if let Some(arn) = a.opt("source-arn") {
        condition.insert("ArnLike".into(), json!({"AWS:SourceArn": arn}));
    }
    if let Some(acct) = a.opt("source-account") {
        condition.insert("StringEquals".into(), json!({"AWS:SourceAccount": acct}));
    }
    if let Some(org) = a.opt("principal-org-id") {
        condition.insert("StringEquals".into(), json!({"aws:PrincipalOrgID": org}));
    }
    let statement = obj([
        ("Sid", json!(sid)),
        ("Effect", json!("Allow")),
        ("Principal", principal_of(a.s("principal"))),
        ("Action", json!(a.s("action"))),
        ("Resource", json!(f.arn)),
        (
            "Condition",
            if condition.is_empty() {
                Value::Null
            } else {
                Value::Object(condition)
            },
        ),
    ]);
    f.statements.push(statement.clone());
    if let Err(e) = f.recompile() {
        return Err(c.err(
            "InvalidParameterValueException",
            format!("The provided principal was invalid. Please check the principal and try again. ({e})"),
        ));
    }
    f.revision_id = revision(c.account);
    c.account.functions.insert(name, f);
    Ok(json!({"Statement": statement.to_string()}))
}

fn get_policy(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let (f, _) = authorized_across(c, a, "lambda:GetPolicy", true)?;
    match f.policy_text() {
        Some(p) => Ok(json!({"Policy": p, "RevisionId": f.revision_id})),
        None => Err(c.err(
            "ResourceNotFoundException",
            "The resource you requested does not exist.",
        )),
    }
}

fn remove_permission(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = name_of(a);
    let mut f = authorized(c, &name, "lambda:RemovePermission", false)?;
    let sid = json!(a.s("statement-id"));
    let before = f.statements.len();
    f.statements.retain(|s| s.get("Sid") != Some(&sid));
    if f.statements.len() == before {
        return Err(c.err(
            "ResourceNotFoundException",
            "The resource you requested does not exist.",
        ));
    }
    // What is left compiled before; a statement fewer compiles too.
    let _ = f.recompile();
    f.revision_id = revision(c.account);
    c.account.functions.insert(name, f);
    Ok(Value::Null)
}

fn delete_function(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = name_of(a);
    authorized(c, &name, "lambda:DeleteFunction", false)?;
    c.account.functions.remove(&name);
    Ok(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_lines_leave_out_comments_and_blank_lines() {
        let src = "# attach\n\n  aws iam list-users  \n#x\naws sts get-caller-identity\n";
        assert_eq!(
            code_lines(src),
            vec!["aws iam list-users", "aws sts get-caller-identity"]
        );
    }

    #[test]
    fn principals_read_as_lambda_writes_them() {
        assert_eq!(
            principal_of("s3.amazonaws.com"),
            json!({"Service": "s3.amazonaws.com"})
        );
        assert_eq!(
            principal_of("111122223333"),
            json!({"AWS": "arn:aws:iam::111122223333:root"})
        );
        assert_eq!(principal_of("*"), json!("*"));
    }

    #[test]
    fn event_names_carry_the_api_version() {
        assert_eq!(event_name("CreateFunction"), Some("CreateFunction20150331"));
        assert_eq!(event_name("CreateUser"), None);
    }
}
