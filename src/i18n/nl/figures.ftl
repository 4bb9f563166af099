# figures: see ../mod.rs. Every id here exists in the other language's figures.ftl.

## Waar in een werkblad, en waarden zoals meldingen ze tonen

figures-place-sheet-cell = werkblad "{ $sheet }", cel { $cell }
figures-place-cell = cel { $cell }
figures-value-empty = leeg
figures-value-number = { $value }
figures-value-true = WAAR
figures-value-false = ONWAAR
figures-value-date = een datum ({ $date })
figures-did-you-mean = bedoelde u "{ $name }"?
figures-again-here = nogmaals hier
figures-header-row = de kopregel

## Het bestand lezen (figures import)

figures-kind-xlsx = Excel-werkmap (.xlsx)
figures-kind-ods = OpenDocument-rekenblad (.ods)
figures-unreadable-file = { $file } kan niet worden gelezen
figures-file-too-large = { $file } is groter dan { $megabytes } MB
    .help = een werkblad met kerncijfers heeft één rij per regio; exporteer een nieuw werkblad met `drukwerk figures export`
figures-csv-syntax = het CSV-bestand kan niet worden gelezen
    .label = hier
figures-unreadable-workbook = { $file } kan niet worden gelezen als { $kind }
    .help = open het bestand in Excel of LibreOffice en sla het opnieuw op, of exporteer het werkblad als CSV
    .reader-failed = het inlezen liep erop vast
    .unpacked = uitgepakt zijn de onderdelen samen { $bytes } bytes
    .strings = het bestand zegt { $count } verschillende teksten te bevatten
figures-sheet-too-large = { $file } heeft een waarde in { $cell }, buiten de { $rows } rijen en { $columns } kolommen die drukwerk leest
    .help = een werkblad met kerncijfers heeft één rij per regio; verwijder wat ver buiten de tabel staat
figures-unknown-sheet = { $file } heeft geen werkblad "{ $sheet }"
    .note = { $count ->
        [one] het werkblad in deze werkmap: { $sheets }
       *[other] de werkbladen in deze werkmap: { $sheets }
    }
figures-no-sheet = { $file } heeft geen werkblad

## Het werkblad koppelen (figures import)

figures-no-header = geen kopregel: geen van de eerste { $rows } rijen noemt een kerncijfer of de kolom met de regio
    .help = geef de kolommen de koppen "{ $id }" (of "{ $name }"), { $labels }; `drukwerk figures export` maakt een werkblad om mee te beginnen
    .label = kopregel hier of hieronder verwacht
figures-empty-sheet = het werkblad is leeg
figures-unknown-column = { $cell }: kolom { $value } hoort bij geen enkel kerncijfer
    .help = geef de kolom het label of de id van een kerncijfer, of verwijder de kolom
    .note = kerncijfers: { $figures }
    .label = geen kerncijfer
figures-the-region-id = de regio-id
figures-the-region-name = de regionaam
figures-the-figure = `{ $figure }`
figures-duplicate-column = { $cell }: een tweede kolom voor { $what } (de eerste is kolom { $first })
    .help = houd één kolom per kerncijfer
figures-no-region-column = rij { $row }: geen kolom met de id of naam van de regio
    .help = voeg een kolom "{ $id }" toe met de id's uit `drukwerk list`, of een kolom "{ $name }" met de namen
figures-no-figure-columns = rij { $row }: geen kolom hoort bij een kerncijfer
figures-column-without-header = { $cell }: kolom { $column } bevat waarden maar heeft geen kop
    .help = geef de kolom het label of de id van een kerncijfer, of verwijder de kolom
    .label = geen kop boven deze waarde
figures-unknown-region = { $cell }: onbekende regio "{ $value }"
    .help = `drukwerk list` toont de id en naam van elke regio
    .label-id = geen regio-id
    .label-name = geen regionaam
figures-no-region = rij { $row }: cijfers zonder id of naam van een regio
    .help = vul de id of naam van de regio in, of verwijder de rij
    .label = van wie zijn deze cijfers?
figures-region-mismatch = { $cell }: de id wijst op { $region }, maar de naam is die van { $other }
    .help = controleer bij welke regio deze cijfers horen
    .label = de naam van een andere regio
figures-duplicate-region = { $cell }: regio { $region } staat twee keer in het werkblad
    .note = de eerste keer in rij { $row }
    .help = houd één rij per regio

## Getallen

figures-not-a-number = { $cell }: { $value } is geen getal
    .label = een geheel getal verwacht
    .help = schrijf het cijfer als 144052 of 144.052
figures-not-whole = { $cell }: { $value } is geen geheel getal
    .label = geen geheel getal
    .help = kerncijfers zijn aantallen: schrijf 144052 of 144.052, zonder decimalen
figures-negative = { $cell }: { $value } is negatief
    .label = een aantal kan niet negatief zijn
    .help = kerncijfers zijn aantallen van 0 of meer
figures-ambiguous = { $cell }: { $value } is dubbelzinnig
    .label-point = in het Nederlands is een komma een decimaalteken
    .help-point = schrijf duizendtallen zonder komma (1000 of 1.000), of geef aan hoe het werkblad duizendtallen schrijft: --thousands , (16,635) of --thousands . (16.635)
    .label-comma = met een komma voor duizendtallen is een punt een decimaalteken
    .help-comma = schrijf duizendtallen zonder punt (1000 of 1,000), of importeer met --thousands . als het werkblad duizendtallen met een punt schrijft
figures-too-large = { $cell }: { $value } is te groot
    .label = te groot voor een kerncijfer
    .help = controleer het cijfer in de bron
figures-reading-given = getallen gelezen met { $separator } als scheidingsteken voor duizendtallen (opgegeven met --thousands)
figures-reading-inferred = getallen gelezen met { $separator } als scheidingsteken voor duizendtallen (afgeleid uit { $count ->
        [one] kolom
       *[other] de kolommen
    } { $columns })

## Wijzigingen

figures-empty-cell = { $cell }: geen cijfer voor `{ $figure }` van { $region }; het blijft { $old }
    .help = vul het cijfer in, of bevestig met --yes om het huidige te houden
    .label = leeg
figures-change = { $cell }: `{ $figure }` van { $region } gaat van { $old } naar { $new }
    .help = controleer het cijfer in de bron; bevestig met --yes
figures-change-percent = { $cell }: `{ $figure }` van { $region } gaat van { $old } naar { $new } ({ $percent })
figures-percent-change = { $sign }{ $percent } %
figures-becomes-zero = wordt 0
figures-was-zero = was 0
figures-more-than = meer dan ±{ $threshold } %
figures-missing-region = regio { $region } ({ $name }) staat niet in het werkblad; de cijfers blijven zoals ze zijn
    .help = voeg een rij voor deze regio toe, of bevestig met --yes om de cijfers te houden
figures-missing-column = geen kolom voor `{ $figure }` ({ $label }): deze cijfers blijven zoals ze zijn
    .help = voeg een kolom met de kop "{ $label }" toe om ze bij te werken

## De opdracht (figures export, figures import)

figures-content-has-errors = de inhoud bevat fouten; herstel die eerst (drukwerk check)
figures-export-format = kan niet exporteren naar { $file }: verwacht een .xlsx- of .csv-bestand
    .help = drukwerk figures export kerncijfers.xlsx
figures-export-failed = de werkmap kan niet worden gemaakt
figures-write-failed = { $file } kan niet worden geschreven
figures-exported = { $file } geschreven: { $regions ->
        [one] { $regions } regio
       *[other] { $regions } regio's
    }, { $figures ->
        [one] { $figures } kerncijfer
       *[other] { $figures } kerncijfers
    }
figures-import-format = kan { $file } niet importeren: verwacht een .xlsx-, .ods- of .csv-bestand
    .help = sla het werkblad op als .xlsx (Excel-werkmap) of .csv
figures-no-file = bestand { $file } bestaat niet
    .help = geef het pad van het werkblad, vanuit de huidige map
figures-import-failed = importeren mislukt: niets geschreven
figures-import-failed-errors = importeren mislukt: { $errors ->
        [one] { $errors } fout
       *[other] { $errors } fouten
    }; niets geschreven
figures-no-changes = geen wijzigingen: niets in het werkblad wijkt af van de inhoud
figures-summary = { $figures ->
        [one] { $figures } cijfer verandert
       *[other] { $figures } cijfers veranderen
    } in { $regions ->
        [one] { $regions } regio
       *[other] { $regions } regio's
    }; { $unchanged ->
        [one] { $unchanged } regio
       *[other] { $unchanged } regio's
    } ongewijzigd
figures-dry-run = proefdraai: niets geschreven
figures-confirm = { $warnings ->
        [one] { $warnings } waarschuwing
       *[other] { $warnings } waarschuwingen
    }: niets geschreven; controleer ze en voer de opdracht opnieuw uit met --yes om te schrijven
figures-updated = {"  "}bijgewerkt: { $file }
figures-cannot-update = { $file } kan niet worden bijgewerkt
    .help = het bestand is gewijzigd sinds de controle; voer de import opnieuw uit
figures-rechecked = { $regions ->
        [one] { $regions } regio
       *[other] { $regions } regio's
    } gecontroleerd: { $errors ->
        [one] { $errors } fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] { $warnings } waarschuwing
       *[other] { $warnings } waarschuwingen
    }
figures-recheck-failed = controle mislukt: { $errors ->
        [one] { $errors } fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] { $warnings } waarschuwing
       *[other] { $warnings } waarschuwingen
    }
figures-plan-new = nieuw
figures-plan-warning = waarschuwing: { $reason }

## geo import: de grenzen lezen

geo-no-file = bestand { $file } bestaat niet
    .help = geef het pad van het .geojson-bestand, vanuit de huidige map
geo-unreadable-file = { $file } kan niet worden gelezen
geo-file-too-large = { $megabytes } MB is meer dan de { $max } MB die een grenzenbestand mag hebben
geo-not-utf8 = { $file } is geen GeoJSON: geen UTF-8-tekst
geo-not-geojson = geen GeoJSON: het bestand is niet als JSON te lezen
    .help = geef het .geojson-bestand van de gemeenten (rd/gemeente_JJJJ.geojson van cartomap/nl, of de GeoJSON-download van PDOK)
    .no-object = geen GeoJSON: verwacht een object met "type": "FeatureCollection"
    .no-type = geen GeoJSON: geen "type": "FeatureCollection"
geo-topojson = dit is TopoJSON, geen GeoJSON
    .help = gebruik het .geojson-bestand ernaast (cartomap/nl publiceert beide)
geo-not-a-feature-collection = geen FeatureCollection maar een GeoJSON-{ $what }; verwacht één feature per { $kind ->
        [municipalities] gemeente
       *[other] provincie
    }
geo-no-features-list = de FeatureCollection heeft geen lijst "features"
geo-no-features = het bestand bevat geen { $kind ->
        [municipalities] gemeenten
       *[other] provincies
    }
geo-place-feature = feature { $number }
geo-unknown-coordinates = de coördinaten zijn geen RD New-meters en geen WGS84-graden binnen Nederland
    .help = geef het bestand in RD New (EPSG:28992) of WGS84 (EPSG:4326), zoals PDOK en cartomap/nl het aanbieden
geo-invalid-geometry = { $name } ({ $code }): ongeldige geometrie: { $problem }
geo-ring-too-few-points = een ring heeft minder dan drie punten
geo-ring-crosses-itself = een ring snijdt zichzelf bij { $point }
geo-ring-without-area = een ring heeft geen oppervlakte
geo-code-twice = de code { $code } komt twee keer voor
    .help = elke gemeente moet één feature zijn (een MultiPolygon voor eilanden)
geo-name-twice = de naam "{ $name }" komt twee keer voor
geo-count-exactly = { $count }
geo-count-range = { $from } tot { $to }
geo-implausible-count = { $file } bevat { $count } { $kind ->
        [municipalities] gemeenten
       *[other] provincies
    }; verwacht { $expected }
    .help = geef het bestand van heel Nederland voor één jaar (geen selectie, niet meerdere jaren)
geo-not-a-feature = geen GeoJSON-feature
geo-no-properties = de feature heeft geen properties
geo-no-statcode = de feature heeft geen `statcode`
    .help = de { $kind ->
        [municipalities] gemeenten
       *[other] provincies
    } moeten de `statcode` en `statnaam` van het CBS hebben (zoals PDOK ze levert)
geo-no-statnaam = { $code } heeft geen `statnaam`
geo-no-geometry = { $name } ({ $code }) heeft geen geometrie
geo-no-coordinates = { $name } ({ $code }): de { $geometry } heeft geen coördinaten
geo-not-a-polygon = { $name } ({ $code }): de geometrie is een { $geometry }, geen Polygon of MultiPolygon
geo-geometry-without-type = { $name } ({ $code }): de geometrie heeft geen type; verwacht een Polygon of MultiPolygon
geo-bad-coordinates = { $name } ({ $code }): de coördinaten zijn geen lijsten van [x, y]-getallen
geo-empty-geometry = { $name } ({ $code }): lege geometrie
geo-unknown-crs = het coördinatenstelsel "{ $name }" wordt niet gelezen; verwacht RD New (EPSG:28992) of WGS84
geo-crs-rd = RD New
geo-crs-wgs84-degrees = WGS84 (lengte- en breedtegraad)
geo-crs-wgs84-reprojected = WGS84, omgerekend naar RD New
geo-outside-netherlands = { $name } ({ $code }) heeft het punt { $point }, buiten Nederland in { $crs }
geo-wrong-division = { $file } bevat { $kind ->
        [municipalities] provincies, geen gemeenten
       *[other] gemeenten, geen provincies
    }
    .help-municipalities = geef eerst de gemeenten (gemeente_JJJJ.geojson) en de provincies met --provinces
    .help-provinces = geef de provincies (provincie_JJJJ.geojson) met --provinces
geo-not-a-cbs-code = "{ $code }" ({ $name }) is geen CBS-code van { $kind ->
        [municipalities] een gemeente
       *[other] een provincie
    }
    .help = CBS-codes van { $kind ->
        [municipalities] gemeenten
       *[other] provincies
    } zijn { $prefix } en { $digits } cijfers

## geo import: wat verandert

geo-no-boundaries = de inhoud heeft geen grenzen om mee te vergelijken
    .help = noem de municipality-boundaries en province-boundaries van het huidige jaar in [geography]
geo-unknown-province = de provincie "{ $province }" staat niet in de grenzen van { $year }
    .help = noem de provincies van de regio zoals het nieuwe provinciebestand ze noemt
geo-in-no-region = { $name } ({ $code }) valt in geen enkele regio
    .help = hoort de gemeente bij een regio, voeg haar dan na de import toe aan de municipalities van die regio
geo-cannot-update = { $file } kan niet worden bijgewerkt
    .help = het bestand is gewijzigd sinds de controle; voer de import opnieuw uit
geo-no-province = { $name } ({ $code }) ligt in geen enkele provincie
    .help = geef gemeenten en provincies van hetzelfde jaar en in hetzelfde coördinatenstelsel
geo-municipality-vanished = { $name } ({ $code }) bestaat niet meer in { $year }, en niets van haar grondgebied ligt binnen de nieuwe grenzen
    .help = controleer of het bestand heel Nederland beslaat
geo-municipality-gone = { $name } ({ $code }) bestaat niet meer in { $year }: { $percent } % van haar grondgebied ligt in { $successor } ({ $successor_code })
    .rest = de rest ligt in { $rest }
    .split = { $successor } wordt voorgesteld voor de regio's die { $name } noemden; controleer of de andere delen bij andere regio's horen
geo-share = { $name } { $percent } %
geo-share-in-brackets = { $name } ({ $percent } %)
geo-list-and = { $first } en { $last }
geo-list-comma = { $first }, { $rest }
geo-municipality-renamed = { $code } heet vanaf { $year } "{ $name }" (was "{ $old_name }" in { $old_year })
geo-municipality-new = { $name } ({ $code }) is nieuw in { $year }
    .from = het grondgebied hoorde in { $old_year } bij { $from }
geo-gone-municipality = "{ $name }" bestaat niet meer in { $year }
geo-merged-into = opgegaan in { $name } ({ $percent } % van het grondgebied)
geo-merged-into-listed = opgegaan in { $name } ({ $percent } % van het grondgebied), dat al in deze regio staat
geo-write-successor = schrijf "{ $name }" (--apply doet dat)
geo-remove-line = verwijder deze regel (--apply doet dat)
geo-renamed-municipality = "{ $name }" heet vanaf { $year } "{ $new_name }"
    .label = nieuwe naam
geo-vanished =
    .label = niets van het grondgebied ligt binnen de nieuwe grenzen
    .help = verwijder de gemeente of noem zelf haar opvolger
geo-year-in-text = deze tekst noemt de indeling van { $old_year }
    .label = nog { $old_year }
    .help = als de tekst over de kaarten of de gemeenten gaat, maak er dan zelf { $year } van

## geo import: het verslag van de opdracht

geo-summary-read = { $year }: { $municipalities } gemeenten in { $provinces } provincies ({ $crs })
geo-summary-simplified = {"  "}vereenvoudigd: { $before } → { $after } punten ({ $tolerance } m, gedeelde grenzen blijven gedeeld)
geo-summary-no-changes = geen wijzigingen: dezelfde gemeenten als in { $old_year } ({ $unchanged } ongewijzigd)
geo-summary-compared = vergeleken met { $old_year }: { $gone } verdwenen, { $renamed } hernoemd, { $new } nieuw, { $unchanged } ongewijzigd
geo-summary-lines = regiobestanden: { $lines ->
        [one] { $lines } regel
       *[other] { $lines } regels
    } te wijzigen in { $files ->
        [one] { $files } bestand
       *[other] { $files } bestanden
    }
geo-summary-texts = publication.toml: { $texts ->
        [one] { $texts } tekst
       *[other] { $texts } teksten
    } over { $old_year } om zelf na te lopen
geo-wrote = {"  "}geschreven: { $file }
geo-unchanged = {"  "}ongewijzigd: { $file }
geo-run-with-apply = voer de opdracht opnieuw uit met --apply om de regiobestanden te wijzigen en content/publication.toml over te zetten naar { $year }
geo-list-failed = de gemeentelijst kan niet worden gemaakt
geo-own-boundaries-unreadable = ook de grenzen in de inhoud moeten leesbaar zijn; zet ze terug uit de repository
