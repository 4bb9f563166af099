# cli: see ../mod.rs. Every id here exists in the other language's cli.ftl.
#
# The command-line help: `cli-<command path>-about` for each command, `cli-<path>-opt-<arg>` for an
# option of one command, else `cli-opt-<arg>` (shared by every command that has it),
# `cli-value-<arg>-<value>` for a possible value, `cli-placeholder-<name>` for a value's
# placeholder (`--out <MAP>`). src/cmd/usage.rs derives these ids from the clap tree; a test
# walks the tree and finds each one in both catalogues.

## Headings and clap's own words

cli-heading-usage = Gebruik:
cli-heading-commands = Opdrachten
cli-heading-arguments = Argumenten
cli-heading-options = Opties
cli-heading-possible-values = Mogelijke waarden:
cli-usage-options = [OPTIES]
cli-spec-default = [standaard: { $value }]
cli-spec-possible-values = [mogelijke waarden: { $values }]

## Commands

cli-about = Gestructureerde inhoud erin, drukklare PDF-publicaties eruit, met Typst.
cli-build-about = Maak de publicatie en alle factsheets
cli-factsheet-about = Maak de factsheets van enkele regio's, op verzoek
cli-check-about = Controleer de inhoud en de layouts zonder iets te schrijven
cli-list-about = Toon de regio's met hun id
cli-serve-about = Live voorbeeld tijdens het bewerken, en PDF's op verzoek via HTTP
cli-preflight-about = Controleer PDF-bestanden op PDF/X-4, zoals de preflight van een drukkerij
cli-figures-about = Kerncijfers naar een spreadsheet en weer terug (de jaarlijkse update)
cli-figures-export-about = Schrijf de kerncijfers van elke regio naar BESTAND (.xlsx of .csv)
cli-figures-import-about = Lees kerncijfers uit BESTAND (.xlsx, .ods of .csv) in content/regions/, nadat is getoond wat er verandert
cli-geo-about = De gemeentelijke indeling: de CBS-grenzen van een nieuw jaar overnemen (de jaarlijkse update)
cli-geo-import-about = Lees de gemeentegrenzen van een jaar (GeoJSON van PDOK of cartomap/nl), schrijf de bestanden van dat jaar in content/geo/ en meld wat er voor de regiobestanden verandert
cli-help-about = Toon deze hulp of de hulp bij de gegeven opdracht

## Options of every command

cli-opt-root = Projectmap (met content/, layouts/ en fonts/)
cli-opt-format = Hoe meldingen worden getoond
cli-opt-color = Wanneer meldingen in kleur worden getoond
cli-opt-lang = De taal van alle meldingen (anders DRUKWERK_LANG, anders de taalinstelling van het systeem, anders Engels)
cli-opt-help = Toon de hulp
cli-opt-version = Toon het versienummer
cli-help-opt-command = De opdracht waarvan u de hulp wilt zien

## Options of the commands that write PDFs (build, factsheet)

cli-opt-out = Uitvoermap
cli-opt-profile = Editie: web (getagd, toegankelijk) of print (afloop, CMYK)
cli-opt-jobs = Aantal documenten dat tegelijk wordt gemaakt (standaard: het aantal processorkernen)
cli-opt-emit-data = Schrijf ook de view-JSON van elk document naar MAP (in de projectmap), om een layout met de gewone Typst-CLI te compileren
cli-opt-crop-marks = Alleen drukeditie: zet snijtekens buiten de afloop (de MediaBox wordt groter om ze te bevatten)
cli-opt-timings = Toon de tijd die elke stap kost
cli-opt-deny-warnings = Behandel waarschuwingen als fouten
cli-opt-cache-dir = Map van de documentcache (standaard: DRUKWERK_CACHE_DIR, anders UITVOER/.cache/documents); bewaar haar tussen CI-runs om alleen te maken wat veranderd is
cli-opt-no-cache = Maak elk document opnieuw, zonder de documentcache te lezen of te schrijven
cli-build-opt-shard = Maak alleen deel I van N van de factsheets (bijvoorbeeld 2/4), en de publicatie alleen als I 1 is
cli-build-opt-publication-only = Maak alleen de publicatie, geen factsheets
cli-build-opt-no-site = Schrijf de website (out/site/) niet. Die wordt alleen geschreven bij een volledige build van de webeditie (zonder --shard en --publication-only), die elke PDF maakt waarnaar de website verwijst
cli-factsheet-opt-regions = Id's van regio's (zie `drukwerk list`)
cli-factsheet-opt-all = Alle regio's

## check, list

cli-check-opt-deny-warnings = Stop met een fout als er waarschuwingen zijn
cli-check-opt-content-only = Controleer alleen de inhoud; compileer de layouts niet
cli-list-opt-search = Alleen de regio's waarvan id, naam of ondertitel dit bevat (hoofdletters en accenten tellen niet mee)

## serve

cli-serve-opt-host = Adres waarop de server luistert. Standaard alleen voor deze computer; met 0.0.0.0 kunnen andere computers er ook bij
cli-serve-opt-port = Poort waarop de server luistert (0 kiest een vrije poort en toont die)
cli-serve-opt-open = Open de startpagina in de browser
cli-serve-opt-jobs = Aantal documenten dat tegelijk wordt gemaakt (standaard: het aantal processorkernen)
cli-serve-opt-queue = Aantal verzoeken dat op een document mag wachten; daarboven antwoordt de server met 429
cli-serve-opt-timeout = Seconden die een verzoek mag duren, wachten inbegrepen, voordat de server met 503 antwoordt; ook hoelang lopende verzoeken na Ctrl-C nog mogen afronden
cli-serve-opt-cache-mb = Megabytes aan gemaakte PDF's die in het geheugen blijven
cli-serve-opt-read-only = Geen editor: /edit en /api/content antwoorden met 404, er wordt niets geschreven en geen token gemaakt. Aanbevolen voor een server voor het publiek
cli-serve-opt-token-file = Lees het token van de editor uit BESTAND (zonder witruimte aan begin en eind; minstens 16 tekens uit A-Z a-z 0-9 - . _ ~) in plaats van bij elke start een willekeurig token te maken
cli-serve-opt-allowed-host = Antwoord ook op NAAM in de Host-header (de naam die gebruikers typen, bijvoorbeeld achter een proxy); mag vaker worden gegeven. De eigen adressen van deze computer en localhost worden altijd geaccepteerd
cli-serve-opt-auth = Hoe gebruikers aantonen wie ze zijn: met het getoonde token, of ook met de gebruikersnaam die de single-sign-on-proxy van de organisatie meegeeft (vereist --trusted-proxy)
cli-serve-opt-trusted-proxy = Met --auth proxy: het IP-adres van de proxy; alleen van daar wordt de gebruikersheader geloofd
cli-serve-opt-user-header = Met --auth proxy: de header met de gebruikersnaam [standaard: X-Forwarded-User]
cli-serve-opt-no-git = Leg wat in de editor wordt opgeslagen niet vast in git (het wordt alleen in de bestanden geschreven)
cli-serve-opt-cache-dir = Map van de documentcache die de server met `build` deelt (standaard: DRUKWERK_CACHE_DIR, anders out/.cache/documents), zodat een herstarte server zijn PDF's niet opnieuw hoeft te maken
cli-serve-opt-no-cache = Bewaar PDF's alleen in het geheugen: lees en schrijf de documentcache niet

## preflight, figures, geo

cli-preflight-opt-files = De PDF-bestanden die u wilt controleren (elke PDF, niet alleen die van drukwerk)
cli-preflight-opt-max-coverage = Grens voor de totale inktdekking van vectorvlakken, in procenten (die van de drukconditie)
cli-figures-export-opt-file = De spreadsheet die wordt geschreven: .xlsx (een werkmap) of .csv (met puntkomma's, voor Nederlandse Excel)
cli-figures-import-opt-file = De spreadsheet die wordt gelezen: .xlsx, .ods of .csv
cli-figures-import-opt-yes = Schrijf ook als er waarschuwingen zijn (grote veranderingen, kerncijfers die 0 worden, lege cellen, regio's die in de spreadsheet ontbreken)
cli-figures-import-opt-dry-run = Toon wat er zou veranderen en elke waarschuwing; schrijf niets
cli-figures-import-opt-flag-change = Een verandering van meer dan PCT procent, omhoog of omlaag, is een waarschuwing
cli-figures-import-opt-sheet = Het werkblad dat wordt gelezen (standaard: "Kerncijfers", anders het eerste)
cli-figures-import-opt-thousands = Hoe de spreadsheet duizendtallen schrijft: . (16.635, Nederlands) of , (16,635, Engels); zonder deze optie leidt drukwerk het af uit de kolommen
cli-geo-import-opt-municipalities = De gemeentegrenzen: GeoJSON in RD New of WGS84 met `statcode` en `statnaam` (rd/gemeente_JJJJ.geojson van cartomap/nl)
cli-geo-import-opt-provinces = De provinciegrenzen van hetzelfde jaar (rd/provincie_JJJJ.geojson van cartomap/nl); zonder deze blijven de huidige provinciegrenzen van de inhoud in gebruik
cli-geo-import-opt-year = Het jaar van de indeling (de gemeenten van het CBS op 1 januari)
cli-geo-import-opt-dry-run = Toon wat er zou veranderen; schrijf niets
cli-geo-import-opt-apply = Pas ook de regiobestanden aan zoals voorgesteld, zet publication.toml op het nieuwe jaar en controleer het resultaat; alle bestanden worden samen geschreven, of geen enkel

## Possible values

cli-value-format-human = Zoals een compiler, met fragmenten uit de bestanden
cli-value-format-json = Eén JSON-object per regel
cli-value-color-auto = Als stderr een terminal is en NO_COLOR niet is gezet
cli-value-color-always = Altijd
cli-value-color-never = Nooit
cli-value-lang-nl = Nederlands
cli-value-lang-en = English
cli-value-profile-web = Scherm en website: getagd, toegankelijk, RGB, geen afloop
cli-value-profile-print = Drukkerij: 3 mm afloop, CMYK-palet
cli-value-auth-token = Het token dat bij de start wordt getoond (of met --token-file wordt gelezen)
cli-value-auth-proxy = De gebruikersheader van een single-sign-on-proxy op --trusted-proxy, of het token

## Placeholders

cli-placeholder-command = OPDRACHT
cli-placeholder-dir = MAP
cli-placeholder-format = FORMAAT
cli-placeholder-color = KLEUR
cli-placeholder-sep = SCHEIDINGSTEKEN
cli-placeholder-lang = TAAL
cli-placeholder-profile = EDITIE
cli-placeholder-n = N
cli-placeholder-i-n = I/N
cli-placeholder-region = REGIO
cli-placeholder-search = ZOEKTERM
cli-placeholder-host = ADRES
cli-placeholder-port = POORT
cli-placeholder-secs = SECONDEN
cli-placeholder-mb = MB
cli-placeholder-file = BESTAND
cli-placeholder-name = NAAM
cli-placeholder-auth = WIJZE
cli-placeholder-addr = ADRES
cli-placeholder-file-pdf = BESTAND.pdf
cli-placeholder-percent = PROCENT
cli-placeholder-pct = PCT
cli-placeholder-year = JAAR
cli-placeholder-gemeenten-geojson = GEMEENTEN.geojson
cli-placeholder-provincies-geojson = PROVINCIES.geojson

## Mistakes on the command line (clap's errors, in our words)

cli-error-unknown-option = onbekende optie '{ $arg }'
cli-error-unexpected-argument = onverwacht argument '{ $arg }'
cli-error-unknown-command = onbekende opdracht '{ $command }'
cli-error-invalid-value = ongeldige waarde '{ $value }' voor { $arg }
cli-error-missing-value = { $arg } heeft een waarde nodig
cli-error-missing-required = { $count ->
    [one] verplicht, maar niet gegeven: { $args }
   *[other] verplicht, maar niet gegeven: { $args }
}
cli-error-missing-command = geen opdracht gegeven
cli-error-conflict = { $arg } kan niet samen met { $other } worden gebruikt
cli-error-used-twice = { $arg } mag maar één keer worden gegeven
cli-error-too-many-values = te veel waarden voor { $arg }
cli-error-not-utf8 = de opdrachtregel bevat tekst die geen geldige UTF-8 is
cli-error-other = de opdrachtregel is niet geldig
cli-tip-similar = bedoelde u '{ $suggestion }'?
cli-tip-possible-values = mogelijke waarden: { $values }
cli-tip-separator = schrijf '-- { $arg }' om '{ $arg }' als waarde mee te geven
cli-more-information = Meer informatie: '{ $command } --help'.

# The value parsers' own complaints (--shard, --flag-change, --year, --max-coverage).
cli-invalid-shard-form = verwacht I/N, bijvoorbeeld 2/4
cli-invalid-not-a-number = '{ $value }' is geen getal
cli-invalid-shard-range = deel { $shard }: I moet tussen 1 en N liggen
cli-invalid-percentage = verwacht een percentage van 0 of meer
cli-invalid-whole-number = verwacht een geheel getal, zonder aanhalingstekens
cli-invalid-range = verwacht een geheel getal van { $min } tot en met { $max }

## What the commands print

cli-compiled = { $path } gemaakt ({ $pages ->
    [one] { $pages } pagina
   *[other] { $pages } pagina's
}, { $size })
cli-wrote = { $path } geschreven ({ $size })
cli-wrote-site = { $path }/ geschreven ({ $pages ->
    [one] { $pages } pagina
   *[other] { $pages } pagina's
}, { $files ->
    [one] { $files } bestand
   *[other] { $files } bestanden
}, { $size })
# The end of a build: "50 documenten gemaakt (136 pagina's, waarvan 3 ongewijzigd hergebruikt) in 4,21 s, 0 waarschuwingen".
cli-built = { $documents ->
    [one] { $documents } document
   *[other] { $documents } documenten
} gemaakt ({ $pages ->
    [one] { $pages } pagina
   *[other] { $pages } pagina's
}{ $reused ->
    [0] {""}
   *[other] , { $reused } ongewijzigd en hergebruikt
}) in { $seconds } s, { $warnings ->
    [one] { $warnings } waarschuwing
   *[other] { $warnings } waarschuwingen
}
cli-size-kb = { $size } kB
cli-size-mb = { $size } MB
cli-counts = { $errors ->
    [one] { $errors } fout
   *[other] { $errors } fouten
}, { $warnings ->
    [one] { $warnings } waarschuwing
   *[other] { $warnings } waarschuwingen
}
cli-checked = { $regions ->
    [one] { $regions } regio
   *[other] { $regions } regio's
}, { $themes ->
    [one] { $themes } thema
   *[other] { $themes } thema's
} en { $cases ->
    [one] { $cases } casus
   *[other] { $cases } casussen
} gecontroleerd: { $counts }
cli-check-failed = controle mislukt: { $counts }
cli-nothing-written = fout: er is niets geschreven; los de fouten hierboven op en probeer het opnieuw
cli-warnings-denied = fout: waarschuwingen zijn niet toegestaan (--deny-warnings); er is niets geschreven
cli-layouts-failed = fout: de layouts zijn mislukt; er is niets geschreven
cli-site-failed = fout: de sjablonen van de website zijn mislukt; er is niets geschreven
cli-import-failed = importeren mislukt: er is niets geschreven
cli-list-no-match = geen regio komt overeen met "{ $search }"; `drukwerk list` toont ze allemaal

cli-timings-heading = tijden (compileren, exporteren en opruimen zijn opgeteld over de documenten die tegelijk liepen):
cli-timings-row = { $stage } { $ms } ms
cli-timings-stage-load = lezen
cli-timings-stage-validate = controleren
cli-timings-stage-view = view
cli-timings-stage-compile = compileren
cli-timings-stage-export = exporteren
cli-timings-stage-evict = opruimen
cli-timings-stage-render = opmaken
cli-timings-stage-site = website
cli-timings-stage-write = schrijven
cli-timings-stage-total = totaal
cli-timings-share = stappen van drukwerk zelf (lezen, controleren, view, website, schrijven): { $percent } % van het totaal

## Errors of the commands

cli-cannot-print-diagnostics = fout: de meldingen kunnen niet worden getoond: { $reason }
cli-unknown-region = onbekende regio "{ $id }"
cli-unknown-region-did-you-mean = bedoelde u "{ $id }"?
cli-unknown-region-list = `drukwerk list` toont het id van elke regio
cli-crop-marks-need-print = --crop-marks vereist --profile print
cli-crop-marks-need-print-help = snijtekens zijn voor de drukkerij: drukwerk build --profile print --crop-marks
cli-no-worker-threads = de rekenprocessen kunnen niet worden gestart
cli-emit-data-outside = { $dir } ligt niet in de projectmap
cli-emit-data-failed = de view-gegevens kunnen niet naar { $dir } worden geschreven
cli-emit-data-help = --emit-data verwacht een map in de projectmap (relatief daaraan, of absoluut)
cli-fonts-help = het project heeft een map fonts/ met minstens één lettertypebestand nodig
cli-write-failed = de uitvoer kan niet worden geschreven
cli-internal = er is iets misgegaan in drukwerk zelf
cli-reason = { $reason }

cli-serve-timeout-positive = --timeout moet een positief aantal seconden zijn
cli-serve-user-header-needs-proxy = --user-header vereist --auth proxy
cli-serve-trusted-proxy-needs-proxy = --trusted-proxy vereist --auth proxy
cli-serve-proxy-needs-trusted = --auth proxy vereist --trusted-proxy ADRES
cli-serve-bad-user-header = --user-header "{ $name }" is geen geldige naam voor een header
cli-serve-bad-allowed-host = --allowed-host "{ $name }" is geen geldige hostnaam
cli-serve-cannot-read-token-file = --token-file { $file } kan niet worden gelezen
cli-serve-bad-token-file = --token-file { $file }: { $reason }
cli-serve-cannot-start = de server kan niet worden gestart
cli-serve-failed-help = gebruikt een andere server de poort al? Met --port 0 kiest drukwerk een vrije poort

## serve's lines on the terminal

cli-serve-serving = Bereikbaar op { $url }
cli-serve-edit = Bewerken: { $url }
cli-serve-checked = inhoud gecontroleerd in { $ms } ms: { $counts }
cli-serve-rebuilt = opnieuw gemaakt in { $ms } ms ({ $what }): { $counts }
cli-serve-rescan = alles opnieuw bekeken
cli-serve-files = { $count ->
    [one] { $count } bestand
   *[other] { $count } bestanden
}
cli-serve-no-events = waarschuwing: geen meldingen van het bestandssysteem ({ $reason }); drukwerk kijkt elke { $ms } ms of er iets is veranderd
cli-serve-no-browser = waarschuwing: er kan geen browser worden geopend: { $reason }
cli-serve-stopped-timeout = gestopt terwijl er nog verzoeken liepen (tijdslimiet)
cli-serve-stopped = gestopt

## The library's errors as a sentence (crate::Error)

cli-error-diagnostics = { $count ->
    [one] { $count } fout in de inhoud of de layouts
   *[other] { $count } fouten in de inhoud of de layouts
}
cli-error-fonts = lettertypen: { $reason }
cli-value-thousands-point = Een punt voor duizendtallen en een decimale komma: 16.635 en 14,5
cli-value-thousands-comma = Een komma voor duizendtallen en een decimale punt: 16,635 en 14.5
