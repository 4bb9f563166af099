# content: see ../mod.rs. Every id here exists in the other language's content.ftl.
