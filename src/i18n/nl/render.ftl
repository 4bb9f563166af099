# render: see ../mod.rs. Every id here exists in the other language's render.ftl.

## ICC-profielen (dat van de drukconditie, en het uitvoerprofiel van een PDF)

icc-too-short = { $bytes } bytes is te kort voor een ICC-profiel
icc-too-large = { $bytes } bytes is te groot voor een uitvoerprofiel (hoogstens 16 MB)
icc-no-signature = geen ICC-profiel (geen 'acsp'-handtekening in de kop)
icc-size-mismatch = volgens de kop van het profiel is het { $declared } bytes, maar het zijn er { $actual } (afgebroken of beschadigd)
icc-class = { $class ->
    [prtr] een uitvoerprofiel
    [mntr] een beeldschermprofiel
    [scnr] een invoerprofiel
    [link] een devicelinkprofiel
    [spac] een kleurruimteprofiel
    [abst] een abstract profiel
    [nmcl] een profiel met benoemde kleuren
   *[other] een profiel van onbekende klasse
} ({ $signature })

## Layouts (Typst)

bad-layout-path = ongeldig pad voor een layout: { $layout }
internal-data-path = ongeldig pad voor de gegevens van de layout
internal-draw = de engine kon een kaart die de layout vraagt niet tekenen (een fout in drukwerk of in de layout, niet in de inhoud)
missing-layout = de layout { $layout } kan niet worden geladen
    .help = layouts staan in layouts/; zet het bestand terug uit de repository
layout-typst = dit is de melding van Typst (in het Engels) over de layout { $file }: herstel de fout daar, of vraag het aan wie de layouts beheert
layout-typst-somewhere = dit is de melding van Typst (in het Engels) over een layout in layouts/: herstel de fout daar, of vraag het aan wie de layouts beheert
layout-trace = { $what } (in { $place })
missing-glyph = { $document }: de lettertypen kunnen deze tekens niet weergeven: { $characters }
    .help = vervang deze tekens in de inhoud, of zet een lettertype dat ze wel heeft in fonts/

## Afbeeldingen

render-bad-image = afbeelding "{ $path }" kan niet worden verwerkt: { $reason }
    .help = gebruik een PNG- of JPEG-bestand
bad-image-resize = afbeelding "{ $path }" kan niet worden verkleind voor de webeditie: { $reason }
image-unreadable = het bestand kan niet worden gelezen
image-unsupported = dit bestandsformaat wordt niet ondersteund
image-too-large = de afbeelding is te groot om veilig te openen
image-damaged = het bestand is beschadigd of is geen afbeelding
image-encode = de afbeelding kan niet opnieuw worden opgeslagen
low-resolution-image = afbeelding "{ $path }" wordt gedrukt op { $ppi } ppi
    .help = lever voor de drukeditie minstens { $width } × { $height } pixels aan ({ $target } ppi op het geplaatste formaat)

## PDF-export

pdf-standard = de PDF-standaarden van de { $edition ->
    [print] drukeditie
   *[web] webeditie
} gaan niet samen
pdf-export = de PDF van de { $edition ->
    [print] drukeditie
   *[web] webeditie
} kan niet worden gemaakt
    .help = de toelichting hieronder is de melding van Typst zelf (in het Engels); bij de webeditie gaat het meestal om iets wat PDF/UA-1 of PDF/A-2a vereist, zoals een alternatieve tekst bij een afbeelding
pdf-finish = de drukeditie kan niet worden afgewerkt tot PDF/X-4
    .help = dit is een fout in drukwerk, niet in de inhoud of de layouts: meld haar, met de toelichting hieronder

## De website

site-template = fout in een sjabloon van de website
    .label = hier
    .help = welke velden elke pagina krijgt, staat in layouts/site/README.md
site-template-line = op regel { $line }
site-templates-missing = de sjablonen van de website in { $folder }/ kunnen niet worden gelezen
    .help = de website heeft haar sjablonen nodig in layouts/site/ (index.html, …)
site-template-unreadable = dit sjabloon kan niet worden gelezen

## Lettertypen

fonts-unreadable = { $path } kan niet worden gelezen: { $reason }
fonts-not-a-font = { $path } is geen bruikbaar lettertypebestand
fonts-none = geen lettertypen in { $path }
fonts-failed = het lezen van de lettertypen is mislukt

## De uitvoer schrijven

write-failed = { $action ->
    [create] { $path } kan niet worden aangemaakt
    [create-in] in { $path } kan geen map worden aangemaakt
    [permissions] de rechten van { $path } kunnen niet worden ingesteld
    [move-aside] { $path } kan niet opzij worden gezet
    [rename] de nieuwe map kan niet worden hernoemd tot { $path }
   *[write] { $path } kan niet worden geschreven
}: { $reason }
flush-failed = de uitvoer kan niet naar de schijf worden geschreven: { $reason }
write-outside = er wordt niet buiten de map geschreven: { $name }
