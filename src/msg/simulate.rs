//! What `simulate-custom-policy` says about an input it cannot use (`eval::simulate`,
//! `eval::request` and the flags of `cli::simulate`), in the reader's language.
//!
//! The names of AWS's input fields (`ActionNames`, `ContextEntries`, `CallerArn`,
//! `ContextKeyType`), the flags, the type names (`stringList`, …), ARN forms and what
//! serde_json or the policy parser said stay as they are written: the message leads with the
//! field or flag it is about, as the AWS CLI's parameter errors do.

crate::catalog! {
    /// The simulator's input errors.
    pub enum Simulate {
        /// After `ActionNames: `.
        NoActions => (
            "give at least one action, e.g. --action-names s3:GetObject",
            "アクションを 1 つ以上指定してください (例: --action-names s3:GetObject)。",
        ),
        /// After `ContextEntries: `; `{type}` is the type given for the key `{key}`.
        UnknownContextType => (
            "`{type}` is not a ContextKeyType for `{key}`; use string, stringList, numeric, numericList, boolean, booleanList, ip, ipList, binary, binaryList, date or dateList",
            "`{type}` は `{key}` の ContextKeyType として使えません。string、stringList、numeric、numericList、boolean、booleanList、ip、ipList、binary、binaryList、date、dateList のいずれかを指定してください。",
        ),
        /// After `ContextEntries: `: `{n}` values for a single-valued type.
        ContextTooManyValues => (
            "`{key}` has {n} values but type `{type}` takes one; use `{type}List`",
            "`{key}` に値が {n} 個ありますが、型 `{type}` の値は 1 つだけです。`{type}List` を使ってください。",
        ),
        /// After the RCP's place (`OrderedOrganizationPolicyInputList.1.ResourceControlPolicyInputList.2: `):
        /// statement `{index}` (from 0) allows.
        RcpAllows => (
            "statement {index} has Effect Allow, but an RCP may only deny: AWS lets only RCPFullAWSAccess allow, and attaches it to every level itself (the simulation adds it)",
            "ステートメント {index} の Effect が Allow です。RCP では Deny だけを指定できます。Allow を指定できるのは RCPFullAWSAccess だけで、AWS がすべてのレベルに自動でアタッチします (シミュレーションでも自動で追加されます)。",
        ),
        /// After the RCP's place: statement `{index}` (from 0) uses `NotAction`.
        RcpNotAction => (
            "statement {index} uses NotAction, which RCPs do not support: list the actions in Action",
            "ステートメント {index} で NotAction を使用していますが、RCP では NotAction はサポートされていません。アクションは Action に指定してください。",
        ),
        /// After the RCP's place: statement `{index}` names principals.
        RcpPrincipalNotEveryone => (
            "statement {index} names principals, but an RCP's Principal must be \"*\": narrow it with a Condition (aws:PrincipalOrgID, aws:PrincipalAccount, …)",
            "ステートメント {index} でプリンシパルを指定していますが、RCP の Principal には \"*\" を指定する必要があります。対象を絞り込むには Condition (aws:PrincipalOrgID、aws:PrincipalAccount など) を使用してください。",
        ),
        /// After `OrderedOrganizationPolicyInputList: `: the caller's levels hold RCPs, but the
        /// resource is in account `{owner}`, not the caller's.
        RcpsOfOtherAccount => (
            "its RCPs restrict resources in the caller's account, but the resource is in account {owner}: give that account's RCPs in ResourceOwnerOrganizationPolicyInputList",
            "ここに指定した RCP は呼び出し元のアカウントのリソースを制限しますが、リソースはアカウント {owner} にあります。そのアカウントの RCP は ResourceOwnerOrganizationPolicyInputList に指定してください。",
        ),
        /// After `ResourceOwnerOrganizationPolicyInputList: `: the resource is the caller's own.
        OwnerPathSameAccount => (
            "the resource is in the caller's own account (give ResourceOwner as another account id), so its organization path is OrderedOrganizationPolicyInputList",
            "リソースは呼び出し元と同じアカウントにあるため (別のアカウントの場合は ResourceOwner にそのアカウント ID を指定してください)、組織のパスは OrderedOrganizationPolicyInputList に指定してください。",
        ),
        /// After `CallerArn: `.
        NotPrincipalArn => (
            "`{arn}` is not a principal ARN: use arn:aws:iam::ACCOUNT:user/NAME, arn:aws:iam::ACCOUNT:role/NAME, arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, arn:aws:sts::ACCOUNT:federated-user/NAME, arn:aws:iam::ACCOUNT:oidc-provider/HOST (a web identity), arn:aws:iam::ACCOUNT:root or a service such as ec2.amazonaws.com",
            "`{arn}` はプリンシパルの ARN ではありません。arn:aws:iam::ACCOUNT:user/NAME、arn:aws:iam::ACCOUNT:role/NAME、arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION、arn:aws:sts::ACCOUNT:federated-user/NAME、arn:aws:iam::ACCOUNT:oidc-provider/HOST (ウェブ ID)、arn:aws:iam::ACCOUNT:root、または ec2.amazonaws.com のようなサービスを指定してください。",
        ),

        // The flags of `iamdojo simulate-custom-policy` (after `--FLAG: `).
        /// serde_json's `{error}` at a place in the `--cli-input-json` text.
        JsonAt => (
            "line {line} column {column}: {error}",
            "{line} 行目、{column} 列目: {error}",
        ),
        /// A `--context-entries` value that is neither JSON nor AWS's shorthand.
        ShorthandUnreadable => (
            "cannot read `{value}`; write ContextKeyName=KEY,ContextKeyValues=V1,V2,ContextKeyType=TYPE",
            "`{value}` を読み取れません。ContextKeyName=KEY,ContextKeyValues=V1,V2,ContextKeyType=TYPE の形で指定してください。",
        ),
        ShorthandNoName => (
            "`{value}` has no ContextKeyName=",
            "`{value}` に ContextKeyName= がありません。",
        ),
    }
}
