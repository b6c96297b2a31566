//! `rashomon check`: one fixture per kind of mistake, each with its exact message.
