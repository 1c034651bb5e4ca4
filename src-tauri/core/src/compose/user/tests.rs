use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::compose::context;
use crate::decide::Situation;

fn situation() -> Situation {
    Situation::from_value(
        json!({
            "company": "Acme {{ 7*7 }}", "role": "Data Engineer",
            "contact": {"name": "Priya Natarajan", "email": "priya@acme.example"},
            "sender": {"name": "Sam Lee"},
            "invited_at": "2026-11-25T09:00:00+01:00", "now": "2026-11-25T12:00:00+01:00",
            "reasons": ["logistics"], "details": {"logistics": ["commute"]},
            "checklist": {"decided": true}
        }),
        crate::decide::clock(),
    )
    .expect("valid")
}

fn ctx() -> Value {
    let s = situation();
    context::build(&s, Channel::Email, s.formality)
}

fn render(src: &str) -> std::result::Result<String, Vec<TemplateProblem>> {
    render_source(src, &ctx())
}

fn first_problem(src: &str) -> TemplateProblem {
    check_source(src).expect_err(src).remove(0)
}

#[test]
fn fields_filters_and_if_else_fill_in() {
    let out = render(
        "Dear {{ contact.first_name | default(value=\"team\") }},\n\
         {% if contact.title %}({{ contact.title }}){% elif contact.email %}<{{ contact.email }}>{% else %}-{% endif %}\n\
         {{ role | upper }} at {{ company }} · {{ sender.name | lower | title }}\n\
         {% if formality == \"formal\" %}Formal{% elif not warm and rounds == 0 %}Plain{% endif %}",
    )
    .expect("renders");
    assert_eq!(
        out, "Dear Priya,\n<priya@acme.example>\nDATA ENGINEER at Acme {{ 7*7 }} · Sam Lee\nPlain",
        "user data is printed as text, never evaluated"
    );
}

#[test]
fn whitespace_control_and_comments() {
    let out =
        render("A  {%- if company -%}  B  {%- endif %}\n{# a note #}C {{- role -}} D").unwrap();
    assert_eq!(out, "AB\nCData EngineerD");
}

#[test]
fn default_applies_to_empty_and_missing_values() {
    assert_eq!(
        render("{{ contact.title | default(value=\"there\") }}").unwrap(),
        "there"
    );
    assert_eq!(render("{{ contact.title | default('x') }}").unwrap(), "x");
    assert_eq!(
        render("{{ interview.day | default(value=\"soon\") }}").unwrap(),
        "soon",
        "a group absent in this message is empty, not an error"
    );
}

#[test]
fn everything_else_is_refused_with_line_and_column() {
    let cases: &[(&str, (usize, usize), &str)] = &[
        (
            "Hi\n{% for x in y %}{% endfor %}",
            (2, 4),
            "loops are not available",
        ),
        ("{% set x = 1 %}", (1, 4), "setting values is not available"),
        (
            "{% include \"a\" %}",
            (1, 4),
            "using other templates is not available",
        ),
        ("{% extends \"a\" %}", (1, 4), "using other templates"),
        (
            "{% macro m() %}{% endmacro %}",
            (1, 4),
            "macros are not available",
        ),
        ("{% raw %}x{% endraw %}", (1, 4), "raw sections"),
        ("{{ get_env(name=\"HOME\") }}", (1, 4), "function call"),
        ("{{ range(end=5) }}", (1, 4), "function call"),
        ("{{ contact[\"name\"] }}", (1, 11), "subscripts"),
        ("{{ rounds + 1 }}", (1, 11), "arithmetic"),
        ("{{ rounds * 100000 }}", (1, 11), "arithmetic"),
        ("{{ company ~ role }}", (1, 12), "joining with ~"),
        (
            "{% if company is defined %}x{% endif %}",
            (1, 15),
            "tests with “is”",
        ),
        (
            "{% if \"a\" in company %}x{% endif %}",
            (1, 11),
            "“in” is not available",
        ),
        (
            "{{ company | replace(from=\"a\", to=\"b\") }}",
            (1, 14),
            "no filter called “replace”",
        ),
        ("{{ company | upper(x=1) }}", (1, 19), "takes no arguments"),
        ("{{ compny }}", (1, 4), "did you mean company"),
        ("{{ contact }}", (1, 4), "is a group of fields"),
        ("{{ company", (1, 1), "never closed with }}"),
        ("{% if company %}x", (1, 4), "never closed with {% endif %}"),
        ("x{% endif %}", (1, 5), "without an {% if %}"),
        (
            "{% if company %}a{% else %}b{% elif role %}c{% endif %}",
            (1, 32),
            "after {% else %}",
        ),
        ("{{ \"text\" }}", (1, 4), "write text as it is"),
        ("{% if %}x{% endif %}", (1, 6), "needs a field"),
        (
            "{% if company and %}x{% endif %}",
            (1, 15),
            "ends too early",
        ),
    ];
    for (src, at, wanted) in cases {
        let p = first_problem(src);
        assert!(
            p.message.contains(wanted),
            "{src:?}: message {:?} should contain {wanted:?}",
            p.message
        );
        assert_eq!(
            (p.line, p.column),
            *at,
            "{src:?}: position of {:?}",
            p.message
        );
    }
}

#[test]
fn columns_count_characters_not_bytes() {
    let p = first_problem("Grüße 🚀\n  é {{ rounds - 1 }}");
    assert_eq!(
        (p.line, p.column),
        (2, 15),
        "the minus sign is the 15th character"
    );
}

#[test]
fn size_limits_are_checked_before_anything_else() {
    let big = "a".repeat(MAX_SOURCE_BYTES + 1);
    assert!(first_problem(&big).message.contains("at most 20 KiB"));
    let deep = "{% if company %}".repeat(17) + &"{% endif %}".repeat(17);
    assert!(first_problem(&deep).message.contains("nest more than 16"));
}

#[test]
fn the_output_is_capped() {
    // Every print of a long value counts: the cap stops it with a message, not memory.
    let s = Situation::from_value(
        json!({"company": "x".repeat(200), "role": "r", "invited_at": "2026-11-25T09:00:00Z", "now": "2026-11-25T10:00:00Z"}),
        crate::decide::clock(),
    )
    .unwrap();
    let ctx = context::build(&s, Channel::Email, s.formality);
    let src = "{{ company }}".repeat(1500);
    let err = render_source(&src, &ctx).expect_err("300 KB of output");
    assert!(err[0].message.contains("longer than 256 KiB"), "{err:?}");
}

#[test]
fn field_names_list_every_context_field() {
    let names = render::field_names();
    for wanted in [
        "company",
        "role",
        "contact.first_name",
        "sender.name",
        "interview.day",
        "formal",
        "first_reason",
    ] {
        assert!(names.iter().any(|n| n == wanted), "{wanted} in {names:?}");
    }
}

/// Generates template source from pieces of the language and of things it refuses, up to 20 KiB.
fn template() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z ,.\n]{0,40}",
        3 => prop::sample::select(vec![
            "{{ company }}", "{{ role | upper }}", "{{ contact.name | default(value=\"team\") }}",
            "{{ company | upper | lower | title | capitalize | trim }}", "{{ sender.first_name }}",
            "{% if contact.name %}", "{% elif warm %}", "{% else %}", "{% endif %}",
            "{% if formality == \"formal\" and not warm or rounds != 2 %}", "{{- role -}}", "{# n #}",
        ]).prop_map(str::to_owned),
        1 => prop::sample::select(vec![
            "{% for x in range(end=1000000) %}", "{% endfor %}", "{{ company ~ company ~ company }}",
            "{% set x = [1,2,3] %}", "{{ contact[company] }}", "{{ get_env(name=\"HOME\") }}",
            "{{ rounds * 99999999 }}", "{% include \"x\" %}", "{{", "{%", "}}", "{% if", "{{ company | default(",
        ]).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..1500).prop_map(|parts| {
        let mut s = parts.concat();
        s.truncate(MAX_SOURCE_BYTES);
        while !s.is_char_boundary(s.len()) {
            s.pop();
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// Every template up to 20 KiB that passes `check` renders with work linear in the template
    /// and its output, and the output within its cap: the language has nothing whose cost can
    /// grow beyond that. (Time and memory of the worst cases: `cargo bench --bench templates`.)
    #[test]
    fn every_template_that_passes_check_costs_linear_work(src in template()) {
        let ctx = ctx();
        if check_source(&src).is_ok() {
            let nodes = syntax::parse(&src).expect("checked");
            let (text, work) = render::render_metered(&src, &nodes, &ctx).expect("a checked template renders");
            prop_assert!(text.len() <= MAX_OUTPUT_BYTES);
            // The longest field here is 40 bytes: a filter reads at most that per source byte.
            prop_assert!(work <= 40 * (src.len() + text.len()) + 64, "work {} for {} bytes in, {} out", work, src.len(), text.len());
        }
    }
}

#[test]
fn the_three_attacks_that_escaped_the_old_sandbox_are_refused_at_check() {
    // Huge argument lists, a refusal inside a condition inside a loop, subscripts with huge keys.
    let args = format!(
        "{{{{ company | default(value=[{}]) }}}}",
        "\"x\",".repeat(3000)
    );
    let nested = "{% for i in range(end=100000) %}{% if true %}{{ throw(message=\"x\") }}{% endif %}{% endfor %}";
    let subscript = format!("{{{{ contact[\"{}\"] }}}}", "k".repeat(15000));
    for src in [args.as_str(), nested, subscript.as_str()] {
        assert!(check_source(src).is_err(), "refused: {}", &src[..40]);
    }
}
