# content: see ../mod.rs. Every id here exists in the other language's content.ftl.
# Loading content (src/content): reading files, TOML syntax, fields and types.

missing-content = het project heeft geen map content/
    .help = start drukwerk in de projectmap, of geef --root MAP mee
empty-content = content/ bevat geen inhoudsbestanden
    .help = begin met content/publication.toml en één bestand per regio in content/regions/; zie docs/content-format.md
empty-content-regions = content/regions/ bevat geen regio's
    .help = voeg per regio één TOML-bestand toe; zie docs/content-format.md
missing-publication = content/publication.toml ontbreekt
    .help = elk project heeft een publication.toml nodig met title, lede, year en date; zie docs/content-format.md

# A file that cannot be read; $reason is one of the content-io-* messages.
content-unreadable = { $file } kan niet worden gelezen: { $reason }
content-io-not-found = bestand niet gevonden
content-io-permission = u hebt geen toestemming om het te lezen
content-io-directory = het is een map, geen bestand
content-io-other = het systeem kon het niet lezen
content-io-too-large = het bestand is te groot

not-utf8 = het bestand is niet in UTF-8 opgeslagen
    .label = deze byte is geen UTF-8
    .help = sla het bestand op als UTF-8 (in de meeste editors: Opslaan met codering → UTF-8)
empty-file = het bestand is leeg
    .help = vul het in (zie docs/content-format.md) of verwijder het

# A field name in a message: `students`.
content-field = `{ $name }`
# In place of a field name, when the value's key cannot be told.
content-this-value = deze waarde

unknown-field = onbekend veld `{ $field }`
    .label = dit veld bestaat hier niet
    .help = bedoelde u `{ $suggestion }`?
    .note = bekende velden: { $fields }
missing-field = veld `{ $field }` ontbreekt
    .label = in deze tabel hoort `{ $field }`
    .help = voeg `{ $field } = …` toe (zie docs/content-format.md)

# A value of the wrong kind: "`students` must be a whole number, not text". $field is a
# content-field or content-this-value, $expected a wrong-type-expected-*, $found a wrong-type-found-*.
wrong-type = { $field } moet { $expected } zijn, geen { $found }
wrong-type-unclear = { $field } heeft een verkeerd soort waarde
    .label = verkeerd soort waarde
wrong-type-expected-number = een geheel getal
    .label = verwacht een geheel getal, zonder aanhalingstekens
wrong-type-expected-text = tekst
    .label = verwacht tekst tussen aanhalingstekens
wrong-type-expected-list = een lijst
    .label = verwacht een lijst: ["…", "…"]
wrong-type-expected-boolean = true of false
    .label = verwacht true of false
wrong-type-expected-table = een tabel
    .label = verwacht een tabel met velden
wrong-type-expected-date = een datum
    .label = verwacht een datum zoals 2026-11-28, zonder aanhalingstekens
wrong-type-found-text = tekst
wrong-type-found-number = getal
wrong-type-found-decimal = kommagetal
wrong-type-found-boolean = ja/nee-waarde
wrong-type-found-list = lijst
wrong-type-found-table = tabel
wrong-type-found-date = datum
# 12.345 where a count belongs: in Dutch that is twelve thousand three hundred and forty-five.
wrong-type-thousands = schrijf een geheel getal zonder scheidingsteken voor duizendtallen: { $number }
number-too-large = { $field } is te groot
    .label = zo groot is geen enkel aantal

duplicate-key = { $field } staat twee keer in het bestand
    .label = hier voor de tweede keer
    .help = houd er één van de twee over

# TOML syntax errors, reworded from the parser's.
toml-syntax = het bestand is geen geldige TOML
    .label = hier
    .help = controleer de aanhalingstekens, haken en `=` rond deze plek
toml-unclosed-string = een tekst is niet afgesloten
    .label = hier ontbreekt het afsluitende aanhalingsteken ({ $quote })
    .help = sluit de tekst op dezelfde regel af met { $quote }
toml-no-equals = na een veldnaam ontbreekt `=`
    .label = hier hoort `=`
    .help = schrijf een veld als naam = waarde, bijvoorbeeld title = "…"
toml-unquoted-text = tekst hoort tussen aanhalingstekens
    .label = zet deze tekst tussen aanhalingstekens: "…"
toml-unclosed-list = een lijst is niet afgesloten
    .label = hier hoort `]`
    .help = sluit de lijst af met ] en scheid de onderdelen met komma's
toml-unclosed-header = een tabelkop is niet afgesloten
    .label = hier hoort `]`
toml-unclosed-inline-table = een tabel tussen accolades is niet afgesloten
    .label = hier hoort `{"}"}`
toml-trailing = na de waarde staat nog iets op dezelfde regel
    .label = hier hoort de regel te eindigen
    .help = zet elk veld op een eigen regel; een opmerking begint met #
toml-bad-escape = onbekende combinatie met een backslash in een tekst
    .label = deze combinatie bestaat niet
    .help = schrijf \\ voor een backslash, of zet de tekst tussen enkele aanhalingstekens: '…'
toml-empty-key = voor `=` ontbreekt een veldnaam
    .label = hier hoort een veldnaam
toml-bad-underscore = `_` mag alleen tussen cijfers staan
toml-bad-date = geen geldige datum
    .label = verwacht een datum zoals 2026-11-28

path-outside-project-geography = geografiebestand "{ $path }" is geen pad binnen het project
    .label = paden gaan uit van de projectmap en mogen geen `..` bevatten
    .help = bewaar de geografiebestanden in content/geo/, bijvoorbeeld "content/geo/gemeenten-2026.csv"

# The editor's fields (content/fields.rs), shown by serve.
content-fields-not-toml = het bestand is geen geldige TOML; herstel het eerst (drukwerk check wijst de plek aan)
content-fields-not-an-object = "fields" moet een JSON-object zijn
