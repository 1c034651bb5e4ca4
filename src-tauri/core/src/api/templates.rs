//! The user's own templates: listed (each with what stops it being used, if anything), checked
//! while edited, saved, deleted and filled in.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use serde_json::Value;

use crate::compose::user::{self, Checked, FieldProblem, Rendered, TemplateDraft};
use crate::store::user_templates::UserTemplate;
use crate::store::Store;
use crate::Result;

/// A saved template and whether it can be used as it is.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    /// The template as stored.
    #[serde(flatten)]
    pub template: UserTemplate,
    /// What the template language refuses in it (saved by an earlier version that allowed more):
    /// empty when it can be used. Such a template is kept, never deleted; editing it fixes it.
    pub problems: Vec<FieldProblem>,
}

/// Every saved template, each with its problems.
pub fn list(store: &Store) -> Result<Vec<Listed>> {
    Ok(store
        .user_templates()?
        .into_iter()
        .map(|t| Listed {
            problems: user::check(&draft_of(&t), None).problems,
            template: t,
        })
        .collect())
}

/// Problems with a template being edited, and its preview with the Situation when it is valid.
pub fn check(
    template: &TemplateDraft,
    situation: Option<Value>,
    now: DateTime<FixedOffset>,
) -> Checked {
    let situation = situation.and_then(|v| super::situation(v, now).ok());
    user::check(template, situation.as_ref())
}

/// Saves a template (new, or an update when it has an id).
pub fn save(store: &mut Store, template: &TemplateDraft) -> Result<UserTemplate> {
    store.save_user_template(template)
}

/// Deletes a template; returns it so the window can offer Undo.
pub fn delete(store: &mut Store, id: i64) -> Result<UserTemplate> {
    store.delete_user_template(id)
}

/// A saved template filled in with a Situation.
pub fn render(
    store: &Store,
    id: i64,
    situation: Value,
    now: DateTime<FixedOffset>,
) -> Result<Rendered> {
    let situation = super::situation(situation, now)?;
    let template = store.user_template(id)?;
    user::render_or_error(&draft_of(&template), &situation)
}

/// The template as the editor holds it.
pub fn draft_of(t: &UserTemplate) -> TemplateDraft {
    TemplateDraft {
        id: Some(t.id),
        name: t.name.clone(),
        channel: t.channel.clone(),
        subject: t.subject.clone(),
        body: t.body.clone(),
    }
}
