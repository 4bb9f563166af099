# validate: see ../mod.rs. Every id here exists in the other language's validate.ftl.
# Validating content (src/validate): ids, references, geography, images, print, data quality.

validate-did-you-mean = bedoelde u "{ $name }"?
# Names in a list, before the last one: "A, B" (then the message adds "or C").
validate-list-comma = { $a }, { $b }
# A name as the user should write it.
validate-quoted = "{ $name }"
validate-did-you-mean-field = bedoelde u `{ $name }`?

# What an id belongs to ($what in bad-id and duplicate-id).
validate-what-case = casus
validate-what-region = regio
validate-what-theme = thema
validate-what-key-figure = kerncijfer

bad-id = { $what }-id "{ $id }" is geen geldig id
    .label = een id bestaat uit kleine letters, cijfers en losse streepjes
    .help = gebruik "{ $slug }"
duplicate-id = { $what }-id "{ $id }" komt twee keer voor
    .label = hier voor de tweede keer
    .note = de eerste keer in { $file }
    .help = geef een van beide een ander id

empty-text = `{ $field }` is leeg
    .label = hier staat niets om te drukken
    .help = vul `{ $field }` in

unknown-kind = onbekende soort casus "{ $kind }"
    .label = verwacht "case" of "story"
validate-unknown-theme = onbekend thema "{ $id }"
    .label = geen thema heeft dit id
    .help = `drukwerk list` toont de id's van de thema's
validate-unknown-region = onbekende regio "{ $id }"
    .label = geen regio heeft dit id
    .help = `drukwerk list` toont de id's van de regio's

# Geography: [geography], the municipality list and the boundaries.
missing-geography = publication.toml zegt niet welke gemeentelijke indeling de inhoud gebruikt
    .help = voeg de tabel [geography] toe (zie docs/content-format.md); voor de meegeleverde bestanden van 2025:
        { $example }
bad-year = jaar { $year } ligt buiten het bereik
    .label = verwacht een jaartal zoals 2026
    .label-division = verwacht het jaar van de indeling, zoals 2025
missing-attribution = bij de grenzen ontbreekt de bronvermelding voor de kaarten
    .help = voeg attribution = "{ $example }" toe (CC BY 4.0 vraagt erom op elke kaart)
    .label-empty = leeg
    .label-boundaries = de kaarten van deze grenzen hebben een bronvermelding nodig
bad-municipality-list = de gemeentelijst { $file } is onbruikbaar: { $problem }
    .help = zet het bestand terug uit de repository van het project; het zijn gegevens die u niet met de hand bewerkt
    .csv = regel { $line } is geen geldige CSV-regel
    .fields = op regel { $line } ontbreekt code, name, province_code of province_name
incomplete-geo = slechts één van de twee grensbestanden is genoemd
    .help = de kaarten hebben zowel municipality-boundaries als province-boundaries in [geography] nodig
incomplete-geo-missing = { $count ->
        [one] { $count } gemeente heeft geen grenzen
       *[other] { $count } gemeenten hebben geen grenzen
    }
    .note = het gaat om: { $names }
    .help = de grenzen moeten van hetzelfde jaar zijn als de gemeentelijst
bad-geo-municipalities = de gemeentegrenzen kunnen niet worden gelezen
    .help = zet de grensbestanden terug uit de repository; het zijn gegevens die u niet met de hand bewerkt
bad-geo-provinces = de provinciegrenzen kunnen niet worden gelezen
bad-geo-bbox = de bbox van de gemeentegrenzen is leeg

# Files named in content; $kind is "image" or "profile".
path-outside-project = het pad van { $kind ->
        [image] de afbeelding
       *[profile] het ICC-profiel
    }, "{ $path }", verwijst naar buiten het project
    .label = paden gaan uit van de projectmap en mogen geen `..` bevatten
    .help = zet { $kind ->
        [image] de afbeelding
       *[profile] het ICC-profiel
    } in { $folder } en schrijf bijvoorbeeld "{ $example }"
missing-file = { $kind ->
        [image] afbeelding
       *[profile] ICC-profiel
    } "{ $path }" bestaat niet
    .label = op dit pad staat geen bestand
path-outside-project-link = { $kind ->
        [image] afbeelding
       *[profile] ICC-profiel
    } "{ $path }" is een koppeling naar een bestand buiten het project
    .label = deze symbolische koppeling leidt naar buiten het project
    .help = kopieer { $kind ->
        [image] de afbeelding
       *[profile] het ICC-profiel
    } naar { $folder } in plaats van ernaar te verwijzen

missing-alt-text = de afbeelding heeft geen alternatieve tekst
    .help = voeg alt = "…" toe: één zin die zegt wat de afbeelding toont, voor lezers die haar niet kunnen zien
    .label-empty = leeg
    .label-missing = deze afbeelding heeft alt = "…" nodig
bad-image = afbeelding "{ $path }" is onbruikbaar: { $reason }
    .label = dit bestand
    .help = gebruik een PNG- of JPEG-bestand van hoogstens { $max } pixels per zijde
    .truncated = het JPEG-bestand is afgebroken (de eindmarkering ontbreekt)
    .not-png-or-jpeg = het is geen PNG- of JPEG-bestand
    .too-large = het is te groot om veilig te openen
    .damaged = het bestand is beschadigd of geen afbeelding

bad-url = "{ $url }" is geen webadres
    .label = verwacht https://…
    .help = schrijf het volledige adres, bijvoorbeeld "https://{ $url }"
bad-url-empty = leeg webadres
    .help = verwijder `url` of vul het adres in
bad-date = de publicatiedatum moet een datum zonder tijd zijn
    .label = verwacht een datum zoals 2026-11-28, zonder tijd
    .help = schrijf `date = 2026-11-28` (zonder aanhalingstekens)
no-pillars = het ABC-hoofdstuk heeft geen pijlers
    .help = voeg [[abc.pillars]]-items toe met letter en title
no-key-figures = publication.toml definieert geen kerncijfers
    .help = voeg [[key-figures]]-items toe met id, label en description
unknown-sector = onbekende sector "{ $sector }"
    .label = verwacht "po", "vo" of "mbo"
learnings-title-without-learnings = learnings-title is ingevuld, maar er zijn geen lessen
    .help = voeg [[learnings]]-items toe of verwijder learnings-title

# Regions.
duplicate-sector = sector "{ $sector }" staat er twee keer in
    .label = hier nog een keer
no-sectors = een regio heeft minstens één sector nodig
    .label = leeg
    .help = schrijf bijvoorbeeld sectors = ["po"]
unknown-figure = onbekend kerncijfer `{ $id }`
    .label = niet gedefinieerd in [[key-figures]] van publication.toml
    .note = kerncijfers: { $ids }
negative-figure = `{ $id }` is negatief
    .label = een aantal kan niet negatief zijn
missing-figure = kerncijfer `{ $id }` ontbreekt
    .label = voeg `{ $id } = …` toe aan deze tabel
    .help = { $id }: { $description }
municipalities-and-provinces = een regio noemt zowel gemeenten als provincies
    .label = hier staan de provincies
    .help = beschrijf de regio met gemeenten of met provincies, niet met beide
unknown-province = onbekende provincie "{ $name }"
    .label = geen provincie in de CBS-lijst van { $year }
duplicate-municipality = "{ $name }" staat er twee keer in
    .label = hier nog een keer
    .help = verwijder een van beide
no-municipalities = regio "{ $name }" noemt geen gemeenten
    .label = deze regio heeft geen gebied
    .help = voeg `municipalities = [...]` of `provinces = [...]` toe; heeft de bron er geen, accepteer de waarschuwing dan met `[[allow]] lint = "no-municipalities"`
plain-municipality-name = "{ $name }" gelezen als "{ $official }"
    .label = het CBS schrijft deze naam met een toevoeging
    .help = schrijf "{ $official }", precies zoals in de officiële lijst
# $first: one or more quoted names joined by commas; $last: the last one.
ambiguous-municipality = "{ $name }" is niet eenduidig
    .label = meer dan één gemeente heeft deze naam
    .help = schrijf { $first } of { $last }
    .candidate = "{ $name }" ({ $province })
unknown-municipality = onbekende gemeente "{ $name }"
    .label = geen gemeente in de CBS-lijst van { $year }
    .help-spelling = controleer de spelling in { $file }
    .help-many = bedoelde u { $first } of { $last }?
figures-contradict-sectors = `{ $id }` is { $value }, maar de regio is geen { $sector }-regio
    .label = { $description } in een regio zonder { $sector }
    .help = voeg "{ $sector_id }" toe aan sectors, corrigeer het cijfer, of accepteer de waarschuwing met [[allow]] lint = "figures-contradict-sectors"
identical-figures = de kerncijfers zijn gelijk aan die van "{ $name }"
    .label = dezelfde getallen als de andere regio
    .note = de andere regio staat in { $file }
    .help = controleer de cijfers bij de regio; kloppen ze, accepteer de waarschuwing dan met [[allow]] lint = "identical-figures"
unknown-lint = onbekende waarschuwing "{ $lint }"
    .label = kan niet worden geaccepteerd
    .note = waarschuwingen die u kunt accepteren: { $lints }
allow-without-reason = een [[allow]] heeft een reden nodig
    .label = lege reden
    .help = schrijf op waarom de waarschuwing aanvaardbaar is, zodat de volgende redacteur het weet
unused-allow = waarschuwing "{ $lint }" is geaccepteerd, maar komt niet voor
    .label = hier valt niets te accepteren
    .help = verwijder dit [[allow]]-item

# Print: [print] and the palette's inks.
print-profile-without-condition = `profile` is ingevuld zonder `condition`
    .label = de drukconditie van dit profiel is niet genoemd
    .help = voeg `condition = "…"` toe met de aanduiding die de drukkerij bij haar profiel geeft, bijvoorbeeld "FOGRA51"
print-condition-without-profile = `condition` is ingevuld zonder `profile`
    .label = het ingebouwde profiel is FOGRA39
    .help = voeg `profile = "content/print/….icc"` toe met het profiel van de drukkerij, of verwijder `condition`
bad-coverage-limit = een maximale inktdekking van { $value } % ligt buiten het bereik
    .label = verwacht 200 tot 400 (procent)
    .help = de drukkerij noemt haar grens; 300 is gebruikelijk voor gestreken papier, 260–280 voor ongestreken
unreadable-profile = ICC-profiel "{ $path }" is onbruikbaar: { $reason }
    .label = dit bestand
    .help-size = een outputprofiel is 0,1 tot 3 MB; vraag de drukkerij om haar ICC-profiel
    .help = gebruik het .icc- of .icm-bestand dat de drukkerij voor haar drukconditie geeft
    .too-large = { $size } bytes is te groot voor een outputprofiel
    .too-short = { $size } bytes is te kort voor een ICC-profiel
    .no-signature = het is geen ICC-profiel (de kop mist de handtekening 'acsp')
    .size-mismatch = de kop van het profiel noemt { $declared } bytes, maar het zijn er { $actual } (afgebroken of beschadigd)
# An ICC profile's class, with its signature: "display (mntr)".
icc-class-prtr = uitvoer
icc-class-mntr = beeldscherm
icc-class-scnr = invoer
icc-class-link = apparaatkoppeling
icc-class-spac = kleurruimte
icc-class-abst = abstract
icc-class-nmcl = benoemde kleur
icc-class-other = onbekend
not-a-cmyk-output-profile = ICC-profiel "{ $path }" is geen CMYK-outputprofiel, maar een { $space }-profiel voor { $class } ({ $signature })
    .described = ICC-profiel "{ $path }" ("{ $description }") is geen CMYK-outputprofiel, maar een { $space }-profiel voor { $class } ({ $signature })
    .label = de drukeditie heeft een CMYK-outputprofiel (prtr) nodig
    .help = de output intent beschrijft de drukpers: gebruik het CMYK-profiel van de drukkerij voor het papier, zoals PSO Coated v3 (FOGRA51), of het ingebouwde FOGRA39 (verwijder `profile` en `condition`)
bad-colour = paletkleur `{ $name }`: `cmyk` bestaat niet uit vier inktwaarden
    .label = verwacht [C, M, Y, K], elk 0 tot 100 (procent)
    .help = schrijf bijvoorbeeld `cmyk = [94, 74, 16, 34]`
ink-limit = paletkleur `{ $name }` vraagt { $total } % inkt, meer dan de { $max } % die de drukconditie toestaat
    .label = C { $c } + M { $m } + Y { $y } + K { $k } = { $total } %
    .help = haal { $excess } % weg uit cyaan, magenta en geel (zwart alleen maakt met minder inkt even donker), of verhoog `max-coverage` in [print] als de drukkerij meer toestaat
