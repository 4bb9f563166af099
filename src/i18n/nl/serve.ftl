# serve: see ../mod.rs. Every id here exists in the other language's serve.ftl.
# The pages (templates and scripts) name their ids in src/serve/texts.rs; the schema's in
# src/content/schema.rs. The reader is addressed with "u".

## Pages: shared

serve-skip = Naar de inhoud
serve-brand = voorbeeld
serve-live-connecting = verbinden…
serve-live-connected = live
serve-live-lost = verbinding verbroken, opnieuw proberen…
serve-edit = Bewerken
serve-this-document = Dit document
serve-typesetting = Bezig met opmaken…
serve-page-error = Fout in de pagina
    .title = Fout
serve-page-of = Pagina { $page } van { $pages }

## The index

serve-index-project = Project
serve-index-project-errors = Project met fouten
serve-index-check = Controle
serve-summary-errors = { $errors ->
    [one] 1 fout
   *[other] { $errors } fouten
}{ $warnings ->
    [0] {""}
    [one] {" "}en 1 waarschuwing
   *[other] {" "}en { $warnings } waarschuwingen
} in de inhoud. De pdf's en voorbeelden tonen de laatste goede versie.
serve-summary-warnings = Geen fouten, { $warnings ->
    [one] 1 waarschuwing
   *[other] { $warnings } waarschuwingen
}.
serve-summary-ok = Geen fouten of waarschuwingen.
serve-script-errors =
    .one = 1 fout
    .other = { $count } fouten
serve-script-warnings =
    .one = 1 waarschuwing
    .other = { $count } waarschuwingen
serve-script-summary-errors = { $errors } in de inhoud. De pdf's en voorbeelden tonen de laatste goede versie.
serve-script-summary-errors-warnings = { $errors } en { $warnings } in de inhoud. De pdf's en voorbeelden tonen de laatste goede versie.
serve-script-summary-warnings = Geen fouten, { $warnings }.
serve-index-publication = Publicatie
serve-index-view-preview = Voorbeeld bekijken
serve-index-download-web = Webeditie downloaden (pdf)
serve-index-download-print = Drukeditie downloaden (pdf)
serve-index-edit-publication = Publicatie bewerken
serve-index-regions = Regio's en factsheets
serve-index-filter = Zoek een regio of gemeente
serve-index-region-count = { $count ->
    [one] 1 regio
   *[other] { $count } regio's
}
    .one = 1 regio
    .other = { $count } regio's
serve-index-map-per-sector = Kaart per sector
serve-index-pdf-of = van { $name }
serve-index-edit-themes-cases = Thema's en casussen bewerken
serve-index-cases-stories = Casussen en verhalen
serve-index-chapter = hoofdstuk { $number }
serve-index-case-in = casus, { $region }
serve-index-story-in = verhaal, { $region }

## A document's preview

serve-kind-publication = publicatie
serve-kind-factsheet = factsheet
serve-preview-web-pdf = Webeditie (pdf)
serve-preview-print-pdf = Drukeditie (pdf)
# Around the folder names content/, layouts/ and fonts/: "Wijzigingen in content/, layouts/ en fonts/ verschijnen hier vanzelf."
serve-preview-hint-before = {"Wijzigingen in "}
serve-preview-hint-and = {" en "}
serve-preview-hint-after = {" verschijnen hier vanzelf."}
serve-overlay-title = Fouten in de inhoud
serve-overlay-help = Hieronder de laatste goede versie. Herstel de fout en sla op: dit venster verdwijnt dan vanzelf.
serve-overlay-hide = Verbergen

## Not found

serve-not-found = Niet gevonden
# Around the id the visitor asked for: "Er is geen regio met de id zwole."
serve-not-found-region-before = {"Er is geen regio met de id "}
serve-not-found-region-after = {"."}
# Around the region's name and id: "Bedoelde u Zwolle (zwolle)?"
serve-not-found-did-you-mean-before = {"Bedoelde u "}
serve-not-found-did-you-mean-after = {"?"}
serve-not-found-page = Deze pagina bestaat niet.
serve-to-overview = Naar het overzicht

## Answers to programs (JSON `error` and `help`)

serve-no-asset = dit bestand bestaat niet
serve-no-route = deze route bestaat niet; zie / voor wat deze server biedt
serve-no-document = dit document bestaat niet
serve-unknown-region = onbekende regio "{ $id }"
serve-did-you-mean = bedoelde u "{ $id }"?
serve-list-regions = GET /api/regions geeft de id van elke regio
serve-factsheet-path = factsheets staan op /factsheets/<regio>.pdf
serve-unknown-profile = onbekend profiel "{ $profile }"
    .help = gebruik ?profile=web (de standaard) of ?profile=print
serve-no-good-version = de inhoud heeft fouten en er is geen eerdere goede versie
serve-job-failed = het document kan niet worden voorbereid
serve-layout-failed = de opmaak is mislukt
serve-busy = er worden te veel documenten tegelijk gemaakt; probeer het zo opnieuw
serve-timeout = het document duurde te lang; probeer het zo opnieuw
serve-preview-stopped = het voorbeeld stopte onverwacht
serve-preview-failed = het voorbeeld kan niet worden gemaakt
serve-no-page = deze pagina bestaat niet
serve-no-page-old = deze pagina bestaat niet (misschien hoort ze bij een oudere versie)

## Refusals (the lock in front of every route)

serve-refused-host = Deze server antwoordt alleen op zijn eigen adres.
    .help = Wie de server via een andere naam wil bereiken, start hem met --allowed-host NAAM.
serve-refused-read-only = Bewerken staat uit: deze server is gestart met --read-only.
serve-refused-no-proof = U bent niet aangemeld.
    .help = Open de link die drukwerk serve bij het starten toonde, op de regel die begint met “Bewerken:”. Programma's sturen het token mee als “Authorization: Bearer TOKEN”.
    .help-proxy = Open deze pagina via de aanmeldpagina van uw organisatie, of met de link die drukwerk serve toonde op de regel die begint met “Bewerken:”.
serve-refused-wrong-token = Dit token hoort niet bij deze server.
    .help = Is de server opnieuw gestart? Dan heeft hij een nieuwe link: open de link die drukwerk serve bij de laatste start toonde, op de regel die begint met “Bewerken:”.
serve-refused-bad-user = De aanmeldproxy gaf geen geldige gebruikersnaam door.
    .help = Vraag de beheerder van de aanmelding om hulp.
serve-refused-origin = Deze wijziging komt niet van een pagina van deze server.
    .help = Wijzigingen worden alleen aangenomen vanuit de editor van deze server zelf.
serve-refused-content-type = Een wijziging moet JSON zijn (Content-Type: application/json).
serve-refused-method = Deze methode wordt hier niet aangenomen.
serve-refused-too-large = Het verzoek is te groot.
serve-refused-bad-body = De inhoud van het verzoek kon niet gelezen worden.
serve-refused-read-method = Alleen GET en HEAD: deze server neemt niets aan.
serve-refused-read-body = Een verzoek met inhoud wordt niet aangenomen.

## The editor's pages

editor-breadcrumbs = Kruimelpad
editor-overview = Overzicht
editor-crumb-new = Nieuw
editor-full-preview = Volledig voorbeeld
editor-loading = Bezig met laden…
editor-fields = Velden
editor-create = Aanmaken
editor-save-button = Opslaan…
editor-delete-button = Verwijderen…
editor-preview = Voorbeeld
editor-preview-after-create = Het voorbeeld verschijnt zodra { $kind ->
    [regions] de nieuwe regio
    [cases] de nieuwe casus
   *[themes] het nieuwe thema
} is aangemaakt.
editor-history = Geschiedenis
editor-cancel = Annuleren

## The editor's API

editor-off = de editor staat uit (--read-only)
editor-internal = interne fout
editor-has-errors = de inhoud heeft fouten
editor-bad-json = geen geldige JSON
editor-publication-no-id = de publicatie heeft geen id
editor-io-failed = lezen of schrijven op schijf is mislukt
editor-not-toml = het bestand is geen geldige TOML; herstel het eerst (drukwerk check wijst de plek aan): { $detail }
editor-fields-not-object = "fields" moet een JSON-object zijn
editor-fields-missing = "fields" ontbreekt of is geen object
editor-missing = "{ $name }" ontbreekt
editor-not-base64 = "{ $name }" is geen base64
editor-unknown-kind = onbekende soort inhoud "{ $kind }"
editor-no-id = geen id
editor-invalid-id = ongeldige id "{ $id }"
editor-no-such-file = geen { $kind ->
    [regions] regio
    [cases] casus
    [themes] thema
   *[other] bestand
} met id "{ $id }"
editor-cannot-read = { $file } kan niet gelezen worden
editor-not-utf8 = { $file } is geen UTF-8
editor-changed-meanwhile = het bestand is intussen gewijzigd
editor-file-exists = het bestand bestaat al
editor-cannot-create = geen nieuwe "{ $kind }" mogelijk
editor-cannot-delete-publication = de publicatie kan niet verwijderd worden
editor-bad-id = "{ $id }" is geen geldige id
    .help = gebruik kleine letters, cijfers en streepjes, zoals "noord-holland-noord"
editor-exists = er is al een { $kind ->
    [regions] regio
    [cases] casus
   *[themes] thema
} met id "{ $id }"
editor-no-version = geen versie "{ $commit }"
editor-image-too-large = de afbeelding is groter dan { $megabytes } MB
editor-image-help = kies een PNG- of JPEG-bestand
editor-image-not-png-jpeg = geen PNG of JPEG
editor-image-only-png-jpeg = alleen PNG en JPEG worden aangenomen
editor-image-unreadable = de afbeelding kan niet gelezen worden
editor-no-free-name = geen vrije bestandsnaam
editor-pages-factsheet = Factsheet
editor-pages-region = Regiopagina in de publicatie
editor-pages-case = Casus in de publicatie
editor-pages-theme = Hoofdstuk in de publicatie
editor-pages-publication = Eerste pagina's van de publicatie
editor-case-kind-case = Casus (in het hoofdstuk van het thema)
editor-case-kind-story = Verhaal (op de regiopagina)
editor-sector-po = Primair onderwijs
editor-sector-vo = Voortgezet onderwijs
editor-sector-mbo = Middelbaar beroepsonderwijs
editor-lint-identical-figures = Kerncijfers gelijk aan die van een andere regio
editor-lint-duplicate-municipality = Gemeente ook in een andere regio van dezelfde sector
editor-lint-figures-contradict-sectors = Kerncijfers passen niet bij de sectoren
editor-lint-no-municipalities = Regio zonder gemeenten
editor-lint-other = Waarschuwing

# Commit messages: always Dutch (the project's history is one, for everyone; see editor.rs).
editor-commit-edited = { $kind ->
    [regions] Regio { $id }
    [cases] Casus { $id }
    [themes] Thema { $id }
   *[publication] Publicatie
} bewerkt
editor-commit-changed = { $kind ->
    [regions] Regio { $id }
    [cases] Casus { $id }
    [themes] Thema { $id }
   *[publication] Publicatie
}: { $fields } gewijzigd
editor-commit-added = { $kind ->
    [regions] Regio
    [cases] Casus
   *[themes] Thema
} { $id } toegevoegd
editor-commit-deleted = { $kind ->
    [regions] Regio
    [cases] Casus
   *[themes] Thema
} { $id } verwijderd

## The content format, as the editor's form shows it (src/content/schema.rs)

schema-kind-publication = Publicatie
    .plural = Publicatie
    .new = Nieuwe publicatie
    .edit = Publicatie bewerken
schema-kind-regions = Regio
    .plural = Regio's
    .new = Nieuwe regio
    .edit = Regio bewerken: { $title }
schema-kind-cases = Casus
    .plural = Casussen
    .new = Nieuwe casus
    .edit = Casus bewerken: { $title }
schema-kind-themes = Thema
    .plural = Thema's
    .new = Nieuw thema
    .edit = Thema bewerken: { $title }
schema-image-path = Bestand
    .help = Een PNG- of JPEG-bestand onder content/images/.
schema-image-alt = Alternatieve tekst
    .help = Wat er op de afbeelding te zien is, voor wie hem niet kan zien.
schema-image-credit = Fotograaf of rechthebbende
schema-pillar-letter = Letter
schema-pillar-title = Titel
schema-pillar-text = Toelichting
schema-abc-title = Titel
schema-abc-lede = Inleidende zin
schema-abc-body = Tekst
schema-abc-pillars = Pijlers
    .help = De vier pijlers, in volgorde.
schema-key-figure-id = Code
    .help = De naam onder [figures] in elk regiobestand.
schema-key-figure-label = Korte naam
    .help = Onder het getal.
schema-key-figure-description = Omschrijving
schema-key-figure-sector = Sector
schema-source-title = Titel
schema-source-publisher = Uitgever
schema-source-url = Adres
    .help = Een volledig adres: https://… of mailto:…
schema-source-note = Opmerking
schema-print-profile = ICC-profiel
    .help = Pad van het uitvoerprofiel van de drukker.
schema-print-condition = Drukconditie
    .help = Bijvoorbeeld FOGRA39.
schema-print-condition-name = Drukconditie in woorden
schema-print-registry = Register
schema-print-max-coverage = Maximale inktdekking (%)
schema-geography-year = Jaar van de gemeentelijke indeling
    .help = De gemeenten zoals op 1 januari van dit jaar; drukwerk geo import zet het om.
schema-geography-municipality-list = Gemeentelijst (CSV)
schema-geography-municipality-boundaries = Gemeentegrenzen (GeoJSON)
schema-geography-province-boundaries = Provinciegrenzen (GeoJSON)
schema-geography-attribution = Bronvermelding bij de kaarten
    .help = De licentie van de grenzen vraagt erom.
schema-publication-title = Titel
schema-publication-lede = Inleiding op de omslag
schema-publication-year = Jaar
schema-publication-date = Publicatiedatum
    .help = Ook de datum in de PDF's.
schema-publication-author = Auteur
    .help = Voor de gegevens van de PDF.
schema-publication-subject = Onderwerp
    .help = Eén zin, voor de gegevens van de PDF.
schema-publication-keywords = Trefwoorden
schema-publication-intro = Inleiding
schema-publication-colophon = Colofon
schema-publication-geography = Geografie
    .help = Welke gemeentelijke indeling de kaarten en de gemeentenamen volgen.
schema-publication-abc = Het ABC
schema-publication-key-figures = Kerncijfers
    .help = De kerncijfers die elke regio heeft, in volgorde.
schema-publication-sources = Bronnen
schema-publication-cover-image = Omslagafbeelding
schema-publication-print = Drukconditie
    .help = Voor de drukeditie; zonder deze gegevens geldt FOGRA39.
schema-allow-lint = Waarschuwing
schema-allow-reason = Reden
    .help = Waarom deze waarschuwing terecht genegeerd wordt.
schema-region-id = Code
    .help = Kleine letters, cijfers en streepjes; verandert niet meer.
schema-region-name = Naam
    .help = Precies zoals gepubliceerd.
schema-region-subtitle = Ondertitel
    .help = Een regel onder de naam, zoals gepubliceerd.
schema-region-sectors = Sectoren
schema-region-municipalities = Gemeenten
    .help = Officiële namen uit de CBS-lijst.
schema-region-provinces = Provincies
    .help = Alleen voor een regio die uit hele provincies bestaat.
schema-region-figures = Kerncijfers
schema-region-allow = Geaccepteerde waarschuwingen
    .help = Een waarschuwing die klopt maar terecht is, met de reden.
schema-region-image = Afbeelding
schema-case-id = Code
    .help = Kleine letters, cijfers en streepjes; verandert niet meer.
schema-case-kind = Soort
    .help = Een casus staat in het hoofdstuk van het thema, een verhaal op de regiopagina.
schema-case-theme = Thema
schema-case-region = Regio
schema-case-title = Titel
schema-case-summary = Samenvatting
    .help = Eén zin, voor factsheets en regiopagina's.
schema-case-body = Verhaal
schema-case-image = Afbeelding
schema-learning-title = Titel
schema-learning-text = Toelichting
schema-theme-id = Code
    .help = Kleine letters, cijfers en streepjes; verandert niet meer.
schema-theme-short-title = Korte titel
    .help = In de inhoudsopgave en de kopregel.
schema-theme-title = Titel
schema-theme-lede = Inleidende zin
schema-theme-body = Tekst
schema-theme-learnings-title = Kop boven de lessen
schema-theme-learnings = Lessen

## The editor's scripts (edit.js, edit-form.js)

editor-no-access-token = Geen toegang. Open de link die drukwerk serve afdrukte (met ?token=…).
editor-empty = (leeg)
editor-id-label = Code
editor-id-help = Kleine letters, cijfers en streepjes; komt in de bestandsnaam en in links, bijvoorbeeld zwolle-e-o.
editor-file-unreadable = het bestand kan niet worden gelezen
editor-error-prefix = {"Fout: "}
editor-warning-prefix = {"Waarschuwing: "}
editor-accept-button = Accepteren…
editor-whole-file = Meldingen bij het hele bestand
editor-and = {" en "}
editor-fix-first =
    .one = Herstel eerst de fout om op te slaan.
    .other = Herstel eerst de { $count } fouten om op te slaan.
editor-choose-first =
    .one = Kies eerst bij het conflict welke versie blijft.
    .other = Kies eerst bij elk conflict welke versie blijft.
editor-no-changes = Geen wijzigingen.
editor-unsaved = Wijzigingen nog niet opgeslagen.
editor-saved-at = Opgeslagen om { $time }.
editor-accept-text = De waarschuwing “{ $message }” wordt voortaan niet meer gemeld voor dit bestand.
editor-accept-reason = Waarom is dit in orde? (verplicht)
editor-accept-title = Waarschuwing accepteren
editor-accept = Accepteren
editor-accepted = Waarschuwing geaccepteerd; sla op om dit te bewaren.
editor-preview-failed = Het voorbeeld kan niet worden gemaakt: { $reason }
editor-preview-errors = Er zijn fouten; hieronder de laatste goede opmaak.
editor-updated-at = Bijgewerkt om { $time }.
editor-preview-failed-status = Het voorbeeld kan niet worden gemaakt ({ $reason }).
editor-page-alt = { $title }, pagina { $page } van { $pages } (voorbeeld met de wijzigingen)
editor-draft-restore = Niet-opgeslagen wijzigingen van { $when } terugzetten?
editor-draft-stale = {" "}Let op: het bestand is sindsdien gewijzigd. Wat u terugzet vervangt ook die wijzigingen; bekijk het overzicht bij het opslaan.
editor-draft-restore-button = Terugzetten
editor-draft-restored = Niet-opgeslagen wijzigingen teruggezet.
editor-draft-discard = Weggooien
editor-removed = verwijderd: { $items }
editor-added = toegevoegd: { $items }
editor-reordered = { $value } (andere volgorde)
editor-changes = Wijzigingen
editor-changes-field = Veld
editor-changes-was = Was
editor-changes-becomes = Wordt
editor-checking = Bezig met controleren…
editor-not-saved-errors-first = Niet opgeslagen: herstel eerst de fouten.
editor-nothing-to-save = Geen wijzigingen om op te slaan.
editor-save-title = Wijzigingen opslaan?
editor-save-changes-in = Dit verandert in { $file }:
editor-save-changes-in-file = Dit verandert in het bestand:
editor-save = Opslaan
editor-not-saved = Niet opgeslagen.
editor-saving = Bezig met opslaan…
editor-save-failed = Opslaan mislukt: { $reason }. Uw wijzigingen blijven bewaard in deze browser.
editor-not-saved-errors = Niet opgeslagen: de inhoud heeft fouten.
editor-save-failed-status = Opslaan mislukt ({ $reason }). Uw wijzigingen blijven bewaard in deze browser.
editor-merged-conflicts =
    .one = Het bestand is intussen op schijf gewijzigd. Uw wijzigingen en die op schijf zijn samengevoegd; kies hieronder bij het veld dat beide veranderden welke versie blijft, en sla opnieuw op.
    .other = Het bestand is intussen op schijf gewijzigd. Uw wijzigingen en die op schijf zijn samengevoegd; kies hieronder bij de { $count } velden die beide veranderden welke versie blijft, en sla opnieuw op.
editor-merged = Het bestand is intussen op schijf gewijzigd. Uw wijzigingen en die op schijf zijn samengevoegd; controleer het formulier en sla opnieuw op.
editor-not-saved-changed = Niet opgeslagen: het bestand was gewijzigd.
editor-conflicts = Conflicten
editor-conflict-mine = Mijn versie
editor-conflict-theirs = Versie op schijf
editor-id-rule = alleen kleine letters, cijfers en streepjes (niet aan het begin of eind), bijvoorbeeld zwolle-e-o.
editor-fill-in-id = Vul een geldige id in.
editor-creating = Bezig met aanmaken…
editor-created = Aangemaakt: { $file }. De pagina om verder te bewerken opent…
editor-id-taken = er bestaat al een bestand met de id “{ $id }”.
editor-not-created-taken = Niet aangemaakt: de id bestaat al.
editor-not-created-errors = Niet aangemaakt: de inhoud heeft fouten.
editor-create-failed = Aanmaken mislukt ({ $reason }).
editor-delete-text = Het bestand { $file } wordt verwijderd. Dit kan niet ongedaan worden gemaakt (behalve via de geschiedenis in git).
editor-delete-used-by = Let op: dit wordt nog gebruikt door:
editor-delete-fix-first = Pas die eerst aan; anders weigert drukwerk het verwijderen.
editor-delete-title = Definitief verwijderen?
editor-delete = Definitief verwijderen
editor-deleted = Verwijderd.
editor-not-deleted-changed = Niet verwijderd: het bestand is intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.
editor-not-deleted-referenced = Niet verwijderd: andere bestanden verwijzen er nog naar (zie de meldingen).
editor-delete-failed = Verwijderen mislukt ({ $reason }).
editor-history-failed = De geschiedenis kan niet worden geladen.
editor-history-none = Geen eerdere versies bekend (het project staat niet in git, of dit bestand is nog niet vastgelegd).
editor-history-restore = Deze versie terugzetten
editor-version-failed = Deze versie kan niet worden geladen.
editor-version-in-form = De versie van { $when } staat in het formulier. Controleer het voorbeeld en sla op om haar terug te zetten.
editor-form-failed = Het formulier kan niet worden geladen ({ $reason }).
editor-no-access = Geen toegang.
editor-file-gone = Dit bestand bestaat niet (meer).
editor-file-failed = Het bestand kan niet worden geladen ({ $reason }).
editor-file = Bestand: { $file }
editor-reloaded = Bijgewerkt: het bestand is op schijf gewijzigd.
editor-changed-on-disk = Het bestand is intussen op schijf gewijzigd. Bij opslaan worden uw wijzigingen en die op schijf samengevoegd.
editor-markdown-help = Opmaak: alinea's (witregel ertussen), **vet**, *cursief*, [link](https://…) en lijsten (regels die met "- " beginnen). Al het andere blijft letterlijk staan.
editor-markdown-toolbar = Opmaak voor { $field }
editor-markdown-bold-sample = vette tekst
editor-markdown-bold = Vet
editor-markdown-italic-sample = cursieve tekst
editor-markdown-italic = Cursief
editor-markdown-link-sample = linktekst
editor-markdown-link = Link
editor-markdown-list-sample = punt
editor-markdown-list = Lijst
editor-whole-number = vul een heel getal in, bijvoorbeeld { $example }.
editor-municipality = Gemeente
editor-add-entry = { $field }: toevoegen
editor-move-up = Omhoog
editor-move-down = Omlaag
editor-remove = Verwijderen
editor-no-image = — geen afbeelding —
editor-image-choose = Afbeelding kiezen
editor-image-upload = Of een nieuwe afbeelding uploaden (PNG of JPEG)
editor-image-alt = Alternatieve tekst
editor-image-alt-help = Beschrijf wat op de afbeelding staat, voor wie haar niet ziet. Verplicht bij een afbeelding.
editor-image-credit = Fotograaf of rechthebbende
editor-image-alt-required = beschrijf de afbeelding (alternatieve tekst is verplicht).
editor-uploading = Bezig met uploaden…
editor-uploaded = Geüpload als { $file }.
editor-upload-failed = Uploaden mislukt: { $reason }
editor-add = Toevoegen
editor-did-you-mean = Bedoelde u { $name }?
editor-map-caption = Kaart van de { $field } in de lijst
editor-map-title = Kaart: { $known } van de { $count } gemeenten in de lijst gekleurd

# Start-up refusals of --token-file and --allowed-host (printed by the command line).
serve-token-empty = het tokenbestand is leeg
serve-token-bad-character = het token bevat "{ $character }"; gebruik alleen letters, cijfers en - . _ ~ (bijvoorbeeld de uitvoer van `openssl rand -hex 32`)
serve-token-too-short = het token is { $length } tekens lang; het moet er minstens { $minimum } hebben (bijvoorbeeld de uitvoer van `openssl rand -hex 32`)
serve-bad-host-name = "{ $name }" is geen hostnaam (letters, cijfers, - en .) en geen IP-adres
