# content: see ../mod.rs. Every id here exists in the other language's content.ftl.
# Loading content (src/content): reading files, TOML syntax, fields and types.

missing-content = no content/ folder in the project
    .help = run drukwerk in the project folder, or pass --root DIR
empty-content = content/ has no content files
    .help = start with content/publication.toml and one file per region in content/regions/; see docs/content-format.md
empty-content-regions = content/regions/ has no regions
    .help = add one TOML file per region, see docs/content-format.md
missing-publication = content/publication.toml is missing
    .help = every project needs a publication.toml with title, lede, year and date; see docs/content-format.md

# A file that cannot be read; $reason is one of the content-io-* messages.
content-unreadable = cannot read { $file }: { $reason }
content-io-not-found = file not found
content-io-permission = no permission to read it
content-io-directory = it is a folder, not a file
content-io-other = the system could not read it
content-io-too-large = the file is too large

not-utf8 = file is not valid UTF-8
    .label = this byte is not UTF-8
    .help = save the file as UTF-8 (in most editors: Save with encoding → UTF-8)
empty-file = file is empty
    .help = fill it in (see docs/content-format.md) or delete it

# A field name in a message: `students`.
content-field = `{ $name }`
# In place of a field name, when the value's key cannot be told.
content-this-value = this value

unknown-field = unknown field `{ $field }`
    .label = not a field here
    .help = did you mean `{ $suggestion }`?
    .note = known fields: { $fields }
missing-field = missing field `{ $field }`
    .label = this table needs `{ $field }`
    .help = add `{ $field } = …` (see docs/content-format.md)

# A value of the wrong kind: "`students` must be a whole number, not text". $field is a
# content-field or content-this-value, $expected a wrong-type-expected-*, $found a wrong-type-found-*.
wrong-type = { $field } must be { $expected }, not { $found }
wrong-type-unclear = { $field } has the wrong kind of value
    .label = wrong kind of value
wrong-type-expected-number = a whole number
    .label = expected a whole number, without quotes
wrong-type-expected-text = text
    .label = expected text in quotes
wrong-type-expected-list = a list
    .label = expected a list: ["…", "…"]
wrong-type-expected-boolean = true or false
    .label = expected true or false
wrong-type-expected-table = a table
    .label = expected a table of fields
wrong-type-expected-date = a date
    .label = expected a date like 2026-11-28, without quotes
wrong-type-found-text = text
wrong-type-found-number = a number
wrong-type-found-decimal = a decimal number
wrong-type-found-boolean = true or false
wrong-type-found-list = a list
wrong-type-found-table = a table
wrong-type-found-date = a date
# 12.345 where a count belongs: in Dutch that is twelve thousand three hundred and forty-five.
wrong-type-thousands = a whole number has no thousands separator: write { $number }
number-too-large = { $field } is too large
    .label = no count is this large

duplicate-key = { $field } is defined twice
    .label = defined again here
    .help = keep one of the two

# TOML syntax errors, reworded from the parser's.
toml-syntax = the file is not valid TOML
    .label = here
    .help = check quotes, brackets and `=` around this position
toml-unclosed-string = a text is not closed
    .label = the closing quote ({ $quote }) is missing here
    .help = end the text on the same line with { $quote }
toml-no-equals = a field name is not followed by `=`
    .label = expected `=` here
    .help = write a field as name = value, for example title = "…"
toml-unquoted-text = text must be in quotes
    .label = put this text in quotes: "…"
toml-unclosed-list = a list is not closed
    .label = expected `]` here
    .help = end the list with ] and separate its items with commas
toml-unclosed-header = a table header is not closed
    .label = expected `]` here
toml-unclosed-inline-table = a table in braces is not closed
    .label = expected `{"}"}` here
toml-trailing = something follows the value on the same line
    .label = expected the end of the line here
    .help = put each field on a line of its own; a comment starts with #
toml-bad-escape = unknown escape after a backslash in a text
    .label = not a known escape
    .help = write \\ for a backslash, or put the text in single quotes: '…'
toml-empty-key = a field name is missing before `=`
    .label = expected a field name here
toml-bad-underscore = `_` may only stand between digits
toml-bad-date = not a valid date
    .label = expected a date like 2026-11-28

path-outside-project-geography = geography file "{ $path }" is not a path inside the project
    .label = paths are relative to the project root and may not use `..`
    .help = keep the geography files in content/geo/, for example "content/geo/gemeenten-2026.csv"

# The editor's fields (content/fields.rs), shown by serve.
content-fields-not-toml = the file is not valid TOML; fix it first (drukwerk check shows where)
content-fields-not-an-object = "fields" must be a JSON object
