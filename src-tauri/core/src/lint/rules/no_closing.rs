//! `no-closing`: no sign-off, or no name under it (not for phone scripts).

use super::{Ctx, Findings};
use crate::lint::RuleId;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Findings) {
    if ctx.speech {
        return;
    }
    let body = ctx.input.body;
    match ctx.shape.sign_off {
        None => {
            let end = body.trim_end().len();
            let start = body[..end].rfind('\n').map_or(0, |i| i + 1);
            out.body(
                RuleId::NoClosing,
                "No sign-off: end with a closing such as “Best regards,” and your name.".to_owned(),
                (start, end),
            );
        }
        Some(p) if ctx.shape.signature.is_empty() => out.body(
            RuleId::NoClosing,
            "Add your name under the sign-off.".to_owned(),
            (p.start, p.end),
        ),
        Some(_) => {}
    }
}
