# serve: see ../mod.rs. Every id here exists in the other language's serve.ftl.
