# cli: see ../mod.rs. Every id here exists in the other language's cli.ftl.
