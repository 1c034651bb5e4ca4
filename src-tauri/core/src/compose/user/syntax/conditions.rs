//! The condition of an `{% if %}`: fields, `not`, `and`, `or`, and a field compared with `==`
//! or `!=` to quoted text or a whole number.

use super::{unexpected, Cond, Parser, Token};

impl Parser<'_> {
    pub(super) fn condition(&mut self, src: &str, offset: usize) -> Option<Cond> {
        let tokens = self.lex(src, offset)?;
        if tokens.is_empty() {
            self.problem(
                offset,
                "an if needs a field to test, e.g. {% if contact.name %}",
            );
            return None;
        }
        let mut at = 0;
        let cond = self.or(&tokens, &mut at)?;
        if let Some(extra) = tokens.get(at) {
            self.problem(
                extra.offset(),
                unexpected(extra, "and, or, or the end of the tag"),
            );
            return None;
        }
        Some(cond)
    }

    fn or(&mut self, tokens: &[Token], at: &mut usize) -> Option<Cond> {
        let mut left = self.and(tokens, at)?;
        while matches!(tokens.get(*at), Some(Token::Word(w, _)) if w == "or") {
            *at += 1;
            let right = self.and(tokens, at)?;
            left = Cond::Or(Box::new(left), Box::new(right));
        }
        Some(left)
    }

    fn and(&mut self, tokens: &[Token], at: &mut usize) -> Option<Cond> {
        let mut left = self.unary(tokens, at)?;
        while matches!(tokens.get(*at), Some(Token::Word(w, _)) if w == "and") {
            *at += 1;
            let right = self.unary(tokens, at)?;
            left = Cond::And(Box::new(left), Box::new(right));
        }
        Some(left)
    }

    fn unary(&mut self, tokens: &[Token], at: &mut usize) -> Option<Cond> {
        match tokens.get(*at) {
            Some(Token::Word(w, _)) if w == "not" => {
                *at += 1;
                // `not` before `not` is the only recursion here, bounded by the tag's length.
                Some(Cond::Not(Box::new(self.unary(tokens, at)?)))
            }
            Some(Token::Path(field)) => {
                let field = field.clone();
                *at += 1;
                match tokens.get(*at) {
                    Some(Token::Compare(equal, _)) => {
                        let equal = *equal;
                        *at += 1;
                        match tokens.get(*at) {
                            Some(Token::Str(text, _)) => {
                                *at += 1;
                                Some(Cond::Equals(field, text.clone(), equal))
                            }
                            Some(Token::Number(text, _)) => {
                                *at += 1;
                                Some(Cond::Equals(field, text.clone(), equal))
                            }
                            other => {
                                let offset = other.map_or(0, Token::offset);
                                self.problem(
                                    offset,
                                    "compare a field with \"text\" or a whole number",
                                );
                                None
                            }
                        }
                    }
                    _ => Some(Cond::Truthy(field)),
                }
            }
            Some(other) => {
                self.problem(other.offset(), unexpected(other, "a field"));
                None
            }
            None => {
                let end = tokens.last().map_or(0, Token::offset);
                self.problem(end, "the condition ends too early: a field is missing");
                None
            }
        }
    }
}
