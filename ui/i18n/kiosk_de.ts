<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>Please turn the marked item so its label faces up, or call for help.</source>
        <translation>Bitte drehen Sie den markierten Artikel so, dass das Etikett nach oben zeigt, oder rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="97"/>
        <source>Please move the marked items apart.</source>
        <translation>Bitte legen Sie die markierten Artikel auseinander.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="99"/>
        <source>We do not recognise the marked item. Please call for help.</source>
        <translation>Wir erkennen den markierten Artikel nicht. Bitte rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="102"/>
        <source>Something on the counter is not one of our products. If it is yours, please take it away; to buy it, scan its barcode or call for help.</source>
        <translation>Etwas auf der Ablage ist keines unserer Produkte. Wenn es Ihnen gehört, nehmen Sie es bitte weg; um es zu kaufen, scannen Sie den Strichcode oder rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="105"/>
        <source>The marked item cannot be sold here. Please call for help.</source>
        <translation>Der markierte Artikel kann hier nicht verkauft werden. Bitte rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="111"/>
        <source>Move apart</source>
        <translation>Auseinanderlegen</translation>
    </message>
    <message>
        <location filename="../messages.py" line="113"/>
        <source>Turn over?</source>
        <translation>Umdrehen?</translation>
    </message>
    <message>
        <location filename="../messages.py" line="115"/>
        <source>Not recognised</source>
        <translation>Nicht erkannt</translation>
    </message>
    <message>
        <location filename="../messages.py" line="116"/>
        <source>Unknown item</source>
        <translation>Unbekannter Artikel</translation>
    </message>
    <message>
        <location filename="../messages.py" line="141"/>
        <source>Place your items on the counter to start.</source>
        <translation>Legen Sie Ihre Artikel auf die Ablage, um zu beginnen.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="149"/>
        <source>Scanning your items… please keep them apart.</source>
        <translation>Ihre Artikel werden erkannt… bitte mit Abstand hinlegen.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="151"/>
        <source>All items recognised. Tap Pay when you are ready.</source>
        <translation>Alle Artikel erkannt. Tippen Sie auf Bezahlen, wenn Sie bereit sind.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="154"/>
        <source>Staff member %1 is helping you.</source>
        <translation>Mitarbeiter/in %1 hilft Ihnen.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="157"/>
        <source>Help is on the way. A member of staff will be with you shortly.</source>
        <translation>Hilfe ist unterwegs. Gleich kommt jemand vom Personal zu Ihnen.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="159"/>
        <source>Payment in progress. Please follow the card terminal.</source>
        <translation>Zahlung läuft. Bitte folgen Sie dem Kartenterminal.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="161"/>
        <source>Payment approved. Please take your items. Thank you!</source>
        <translation>Zahlung erfolgreich. Bitte nehmen Sie Ihre Artikel. Vielen Dank!</translation>
    </message>
    <message>
        <location filename="../messages.py" line="169"/>
        <source>Age check needed: a member of staff will come to approve.</source>
        <translation>Alterskontrolle nötig: Jemand vom Personal kommt zur Freigabe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="171"/>
        <source>Please call for help.</source>
        <translation>Bitte rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="175"/>
        <source>This checkout is closed. Please use another checkout.</source>
        <translation>Diese Kasse ist geschlossen. Bitte nutzen Sie eine andere Kasse.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="179"/>
        <source>Sorry, something went wrong. Please call for help.</source>
        <translation>Entschuldigung, etwas ist schiefgegangen. Bitte rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="33"/>
        <source>Wrong PIN. The PIN pad is now locked.</source>
        <translation>Falsche PIN. Die PIN-Eingabe ist jetzt gesperrt.</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="34"/>
        <source>Wrong PIN. %n attempt(s) left.</source>
        <translation>Falsche PIN. Verbleibende Versuche: %n.</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="37"/>
        <source>Too many wrong PINs. Locked until %1.</source>
        <translation>Zu viele falsche PINs. Gesperrt bis %1.</translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../admin/panel.py" line="58"/>
        <source>Store admin</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="98"/>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="99"/>
        <source>Teach the camera</source>
        <translation>Kamera anlernen</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="100"/>
        <source>Offers</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="101"/>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="102"/>
        <source>Receipts and refunds</source>
        <translation>Belege und Erstattungen</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="103"/>
        <source>Payments to check</source>
        <translation>Zu prüfende Zahlungen</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="104"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="105"/>
        <source>Store</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="106"/>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="107"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="263"/>
        <source>Could not do that: %1</source>
        <translation>Das ging nicht: %1</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="270"/>
        <source>The empty counter is noted.</source>
        <translation>Die leere Ablage ist gespeichert.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="275"/>
        <source>View %1 of %2 taken.</source>
        <translation>Ansicht %1 von %2 aufgenommen.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="280"/>
        <source>The views were removed.</source>
        <translation>Die Ansichten wurden entfernt.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="283"/>
        <source>The view was removed.</source>
        <translation>Die Ansicht wurde entfernt.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="289"/>
        <source>Exported %1 products to %2, their pictures beside it.</source>
        <translation>%1 Produkte nach %2 exportiert, die Bilder daneben.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="299"/>
        <source>Copied %1 views of %2 products and %3 new corrections to %4.</source>
        <translation>%1 Ansichten von %2 Produkten und %3 neue Korrekturen nach %4 kopiert.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="308"/>
        <source>Backed up to %1 (%2 sales, %3 products; checked), %4 new pictures.</source>
        <translation>Gesichert nach %1 (%2 Verkäufe, %3 Produkte; geprüft), %4 neue Bilder.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="316"/>
        <source>Report printed.</source>
        <translation>Bericht gedruckt.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="316"/>
        <source>The report was not printed: %1</source>
        <translation>Der Bericht wurde nicht gedruckt: %1</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="319"/>
        <source>Copy printed.</source>
        <translation>Kopie gedruckt.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="319"/>
        <source>The copy was not printed: %1</source>
        <translation>Die Kopie wurde nicht gedruckt: %1</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="329"/>
        <source>Saved: receipts print it from now on.</source>
        <translation>Gespeichert: Belege drucken es ab jetzt.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="333"/>
        <source>Account added.</source>
        <translation>Konto angelegt.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="336"/>
        <source>Account saved.</source>
        <translation>Konto gespeichert.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="339"/>
        <source>Offer added.</source>
        <translation>Angebot angelegt.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="342"/>
        <source>Offer ended.</source>
        <translation>Angebot beendet.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="348"/>
        <source>Recognition model: %1 (%2 labels)</source>
        <translation>Erkennungsmodell: %1 (%2 Labels)</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="354"/>
        <source>The installed %1 did not load on this kiosk, so this one stays: %2. Install another model or go back to the one before.</source>
        <translation>Das installierte %1 lädt auf diesem Kiosk nicht, daher bleibt dieses: %2. Installieren Sie ein anderes Modell oder gehen Sie zum vorherigen zurück.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="360"/>
        <source>%1 takes over when the counter is empty.</source>
        <translation>%1 übernimmt, sobald die Ablage leer ist.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="373"/>
        <source>%1 is already the model in use.</source>
        <translation>%1 ist bereits das aktive Modell.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="376"/>
        <source>Installed %1 (%2 labels): the kiosk switches to it the next time the counter is empty.</source>
        <translation>%1 installiert (%2 Labels): Der Kiosk wechselt, sobald die Ablage das nächste Mal leer ist.</translation>
    </message>
    <message numerus="yes">
        <location filename="../admin/panel.py" line="384"/>
        <source>It does not recognise %n product(s) on sale: staff add them by hand.</source>
        <translation>
            <numerusform>Es erkennt %n Produkt im Verkauf nicht: Das Personal fügt es von Hand hinzu.</numerusform>
            <numerusform>Es erkennt %n Produkte im Verkauf nicht: Das Personal fügt sie von Hand hinzu.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="388"/>
        <source>Labels of products off sale: %1.</source>
        <translation>Labels von Produkten außer Verkauf: %1.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="393"/>
        <source>But the settings name a model file (%1) and the kiosk runs that one.</source>
        <translation>Aber die Einstellungen nennen eine Modelldatei (%1), und der Kiosk nutzt diese.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="400"/>
        <source>Back to %1 (instead of %2): the kiosk switches the next time the counter is empty.</source>
        <translation>Zurück zu %1 (statt %2): Der Kiosk wechselt, sobald die Ablage das nächste Mal leer ist.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="410"/>
        <source>Recorded sale %1 (%2).</source>
        <translation>Verkauf %1 erfasst (%2).</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="414"/>
        <source>Closed as not paid (%1).</source>
        <translation>Als nicht bezahlt geschlossen (%1).</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="437"/>
        <source>Imported: %1 new, %2 changed, %3 as they were.</source>
        <translation>Importiert: %1 neu, %2 geändert, %3 unverändert.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="442"/>
        <source>The file was read as Windows-1252 (Excel&apos;s plain CSV): check the names with accents.</source>
        <translation>Die Datei wurde als Windows-1252 gelesen (einfaches CSV aus Excel): Prüfen Sie die Namen mit Umlauten und Akzenten.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="446"/>
        <source>Scale labels stored as their product&apos;s number: %1.</source>
        <translation>Waagenetiketten, als Nummer ihres Produkts gespeichert: %1.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="459"/>
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="459"/>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="462"/>
        <source>%1 is no longer recognised as %2.</source>
        <translation>%1 wird nicht mehr als %2 erkannt.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="478"/>
        <source>Refunded %1 (%2). Give it back by %3.</source>
        <translation>%1 erstattet (%2). Zurückgeben per %3.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="490"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="495"/>
        <source>Exported the sales of %1 to %4 and %5 (receipts: %2, refunds: %3).</source>
        <translation>Verkäufe von %1 nach %4 und %5 exportiert (Belege: %2, Erstattungen: %3).</translation>
    </message>
</context>
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../basket_model.py" line="137"/>
        <source>Bottle voucher</source>
        <translation>Leergutbon</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="141"/>
        <source>Deposit</source>
        <translation>Pfand</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="159"/>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="159"/>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="159"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="159"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>BasketPanel</name>
    <message>
        <location filename="../basket_panel.py" line="128"/>
        <location filename="../basket_panel.py" line="145"/>
        <source>Your items</source>
        <translation>Ihre Artikel</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="129"/>
        <source>No items yet</source>
        <translation>Noch keine Artikel</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="131"/>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="132"/>
        <source>TOTAL</source>
        <translation>SUMME</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="141"/>
        <source>of which tax</source>
        <translation>enthaltene MwSt.</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="141"/>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../basket_panel.py" line="145"/>
        <source>Your items (%n)</source>
        <translation>
            <numerusform>Ihre Artikel (%n)</numerusform>
            <numerusform>Ihre Artikel (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesTab</name>
    <message>
        <location filename="../admin/changes_tab.py" line="27"/>
        <source>All changes</source>
        <translation>Alle Änderungen</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="28"/>
        <source>Products and prices</source>
        <translation>Produkte und Preise</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="29"/>
        <source>Offers</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="30"/>
        <source>Staff at the counter</source>
        <translation>Personal an der Kasse</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="31"/>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="32"/>
        <source>Sales exported</source>
        <translation>Exportierte Verkäufe</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="33"/>
        <source>Payments settled</source>
        <translation>Geklärte Zahlungen</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="34"/>
        <source>Staff accounts</source>
        <translation>Personalkonten</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="35"/>
        <source>Store details</source>
        <translation>Geschäftsdaten</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="36"/>
        <source>Recognition models</source>
        <translation>Erkennungsmodelle</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="47"/>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="75"/>
        <source>The newest %1 shown; `kiosk audit` reads them all.</source>
        <translation>Die neuesten %1 werden gezeigt; `kiosk audit` liest alle.</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="79"/>
        <source>No changes of this kind recorded.</source>
        <translation>Keine Änderungen dieser Art erfasst.</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="core_texts.py" line="7"/>
        <source>cannot back up {source} to {folder}: {problem}</source>
        <translation>{source} kann nicht nach {folder} gesichert werden: {problem}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="8"/>
        <source>sku is empty</source>
        <translation>SKU ist leer</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="9"/>
        <source>name is empty</source>
        <translation>Name ist leer</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="10"/>
        <source>has {values} values, the header has {columns}{missing}</source>
        <translation>hat {values} Werte, die Kopfzeile hat {columns}{missing}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="11"/>
        <source>barcode {barcode} is already used on line {line}</source>
        <translation>Strichcode {barcode} steht schon in Zeile {line}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="12"/>
        <source>label {label!r} is already used on line {line}</source>
        <translation>Label {label!r} wird schon in Zeile {line} verwendet</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="13"/>
        <source> (missing {columns})</source>
        <translation> (es fehlen {columns})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="14"/>
        <source>the file has a header but no product rows</source>
        <translation>die Datei hat eine Kopfzeile, aber keine Produktzeilen</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="15"/>
        <source>deposit</source>
        <translation>Pfand</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="16"/>
        <source>duplicate sku {sku} (already on line {line})</source>
        <translation>doppelte SKU {sku} (schon in Zeile {line})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="17"/>
        <source>the file is empty (expected a header line)</source>
        <translation>die Datei ist leer (erwartet wird eine Kopfzeile)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="18"/>
        <source>not valid UTF-8 text: save the file as UTF-8</source>
        <translation>kein gültiger UTF-8-Text: speichern Sie die Datei als UTF-8</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="19"/>
        <source>barcode {code} was turned into a number by a spreadsheet: format the column as text and type the digits again</source>
        <translation>Strichcode {code} wurde von einer Tabellenkalkulation in eine Zahl verwandelt: Formatieren Sie die Spalte als Text und tippen Sie die Ziffern neu ein</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="20"/>
        <source>barcode {code!r} must be 8, 12, 13 or 14 digits (EAN-8, UPC-A, EAN-13, GTIN-14)</source>
        <translation>Strichcode {code!r} muss 8, 12, 13 oder 14 Ziffern haben (EAN-8, UPC-A, EAN-13, GTIN-14)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="21"/>
        <source>barcode {code} ends in {last} but its check digit is {expected}: mistyped?</source>
        <translation>Strichcode {code} endet auf {last}, seine Prüfziffer ist aber {expected}: vertippt?</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="22"/>
        <source>label {label!r} already belongs to product {sku} (not in this file)</source>
        <translation>Label {label!r} gehört schon zu Produkt {sku} (nicht in dieser Datei)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="23"/>
        <source>barcode {barcode} already belongs to product {sku}</source>
        <translation>Strichcode {barcode} gehört schon zu Artikel {sku}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="24"/>
        <source>price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="25"/>
        <source>tax rate</source>
        <translation>Steuersatz</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="26"/>
        <source>{what} {text!r} must be one of true/false/yes/no/1/0</source>
        <translation>{what} {text!r} muss true/false/yes/no/1/0 sein</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="27"/>
        <source>{what} {text!r} is not a number (write it like 2.49)</source>
        <translation>{what} {text!r} ist keine Zahl (schreiben Sie z. B. 2.49)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="28"/>
        <source>{what} {text!r} is negative</source>
        <translation>{what} {text!r} ist negativ</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="29"/>
        <source>{what} {text!r} has {places} decimals; at most {decimals} allowed</source>
        <translation>{what} {text!r} hat {places} Nachkommastellen; höchstens {decimals} erlaubt</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="30"/>
        <source>{what} {text!r} is implausibly large</source>
        <translation>{what} {text!r} ist unplausibel hoch</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="31"/>
        <source>tax rate {text!r} is above 100 %</source>
        <translation>Steuersatz {text!r} liegt über 100 %</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="32"/>
        <source>{file}: not a picture this kiosk can read (jpg, png, webp, bmp)</source>
        <translation>{file}: kein Bild, das dieser Kiosk lesen kann (jpg, png, webp, bmp)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="33"/>
        <source>picture {cell!r} not found in {folder}</source>
        <translation>Bild {cell!r} nicht in {folder} gefunden</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="34"/>
        <source>picture {cell!r} not found next to the CSV file ({csv}) or in {folder}</source>
        <translation>Bild {cell!r} weder neben der CSV-Datei ({csv}) noch in {folder} gefunden</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="35"/>
        <source>the last day {last} is before the first {first}</source>
        <translation>der letzte Tag {last} liegt vor dem ersten {first}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="36"/>
        <source>{folder} is not a folder (is the USB stick still in?)</source>
        <translation>{folder} ist kein Ordner (steckt der USB-Stick noch?)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="37"/>
        <source>could not write {path}: {problem}</source>
        <translation>{path} konnte nicht geschrieben werden: {problem}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="38"/>
        <source>Wrong PIN: {attempts} attempts left.</source>
        <translation>Falsche PIN: noch {attempts} Versuche.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="39"/>
        <source>Too many wrong PINs: the PIN pad is locked until {time}. Wait until then, or ask a manager.</source>
        <translation>Zu viele falsche PINs: Die PIN-Eingabe ist bis {time} gesperrt. Warten Sie bis dahin oder fragen Sie die Filialleitung.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="40"/>
        <source>Wrong PIN. The PIN pad is now locked.</source>
        <translation>Falsche PIN. Die PIN-Eingabe ist jetzt gesperrt.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="41"/>
        <source>Wrong PIN: 1 attempt left.</source>
        <translation>Falsche PIN: noch 1 Versuch.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="42"/>
        <source>{name} is in your basket already: the camera counts it.</source>
        <translation>{name} ist schon in Ihrem Warenkorb: Die Kamera zählt den Artikel.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="43"/>
        <source>{name} cannot be sold just now. Please press Help.</source>
        <translation>{name} kann gerade nicht verkauft werden. Bitte drücken Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="44"/>
        <source>This label&apos;s product ({number}) is not in the store&apos;s catalog. Please press Help.</source>
        <translation>Das Produkt dieses Etiketts ({number}) ist nicht im Sortiment des Markts. Bitte drücken Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="45"/>
        <source>Packs worth this much are sold by staff. Please press Help.</source>
        <translation>Packungen über diesen Betrag verkauft das Personal. Bitte drücken Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="46"/>
        <source>That is {count} packs with this label already. Please press Help.</source>
        <translation>Das sind schon {count} Packungen mit diesem Etikett. Bitte drücken Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="47"/>
        <source>Added: {name}, {price}.</source>
        <translation>Hinzugefügt: {name}, {price}.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="48"/>
        <source>Added: {name}.</source>
        <translation>Hinzugefügt: {name}.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="49"/>
        <source>Your payment went through; saving the sale is taking longer ({problem}).</source>
        <translation>Ihre Zahlung ist durch; das Speichern des Verkaufs dauert länger ({problem}).</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="50"/>
        <source>The receipt printer is not working. Please ask staff for receipt {receipt}.</source>
        <translation>Der Bondrucker funktioniert nicht. Bitte fragen Sie das Personal nach Beleg {receipt}.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="51"/>
        <source>{name} is signed in.</source>
        <translation>{name} ist angemeldet.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="52"/>
        <source>{staff} added {quantity} × {name} ({sku})</source>
        <translation>{staff} hat {quantity} × {name} ({sku}) hinzugefügt</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="53"/>
        <source>{staff} removed {quantity} × {name} ({sku})</source>
        <translation>{staff} hat {quantity} × {name} ({sku}) entfernt</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="54"/>
        <source>{staff} took bottle voucher {code} out</source>
        <translation>{staff} hat den Leergutbon {code} herausgenommen</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="55"/>
        <source>{staff} approved the basket{checked}{accepted}</source>
        <translation>{staff} hat den Warenkorb freigegeben{checked}{accepted}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="56"/>
        <source> (age check: {items})</source>
        <translation> (Alterskontrolle: {items})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="57"/>
        <source> (accepted: {items})</source>
        <translation> (akzeptiert: {items})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="58"/>
        <source>This voucher was redeemed already (receipt {receipt}).</source>
        <translation>Dieser Bon wurde schon eingelöst (Beleg {receipt}).</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="59"/>
        <source>Bottle voucher taken: {amount} off.</source>
        <translation>Leergutbon angenommen: {amount} abgezogen.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="60"/>
        <source>The voucher was taken out of the basket.</source>
        <translation>Der Bon wurde aus dem Warenkorb genommen.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="61"/>
        <source>it did not load (the kiosk&apos;s log says why)</source>
        <translation>es lädt nicht (das Protokoll des Kiosks sagt, warum)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="62"/>
        <source>the file is missing</source>
        <translation>die Datei fehlt</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="63"/>
        <source>the file is not a readable ONNX model (damaged, or cut short?)</source>
        <translation>die Datei ist kein lesbares ONNX-Modell (beschädigt oder abgeschnitten?)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="64"/>
        <source>it is not a detection model this kiosk can read</source>
        <translation>es ist kein Erkennungsmodell, das dieser Kiosk lesen kann</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="65"/>
        <source>its input is not one camera picture</source>
        <translation>seine Eingabe ist nicht ein Kamerabild</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="66"/>
        <source>it does not name its labels or picture size</source>
        <translation>es nennt seine Labels oder Bildgröße nicht</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="67"/>
        <source>the processor it asks for is not usable on this PC</source>
        <translation>der verlangte Prozessor ist auf diesem PC nicht nutzbar</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="68"/>
        <source>it cannot be used as it is</source>
        <translation>es ist so nicht verwendbar</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="69"/>
        <source>This is not one of the store&apos;s price labels.</source>
        <translation>Das ist kein Preisetikett dieses Markts.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="70"/>
        <source>The label&apos;s number did not read correctly. Please try again.</source>
        <translation>Die Nummer des Etiketts wurde nicht richtig gelesen. Bitte noch einmal.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="71"/>
        <source>This label shows no price. Please press Help.</source>
        <translation>Dieses Etikett zeigt keinen Preis. Bitte drücken Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="72"/>
        <source>the store&apos;s name is empty</source>
        <translation>der Name des Geschäfts ist leer</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="73"/>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="74"/>
        <source>foot</source>
        <translation>Fußzeile</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="75"/>
        <source>the VAT ID has more than {most} characters</source>
        <translation>die USt-IdNr. hat mehr als {most} Zeichen</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="76"/>
        <source>the name has {n} characters; a receipt line holds {width}</source>
        <translation>der Name hat {n} Zeichen; eine Belegzeile fasst {width}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="77"/>
        <source>the {what} has {n} lines; a receipt takes {most}</source>
        <translation>die {what} hat {n} Zeilen; ein Beleg nimmt {most}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="78"/>
        <source>line {number} of the {what} has {n} characters; a receipt line holds {width}</source>
        <translation>Zeile {number} der {what} hat {n} Zeichen; eine Belegzeile fasst {width}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="79"/>
        <source>This is not one of the store&apos;s bottle vouchers.</source>
        <translation>Das ist kein Leergutbon dieses Markts.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="80"/>
        <source>The voucher&apos;s number did not read correctly. Please try again.</source>
        <translation>Die Nummer des Bons wurde nicht richtig gelesen. Bitte noch einmal.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="81"/>
        <source>This voucher is worth nothing.</source>
        <translation>Dieser Bon hat keinen Wert.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="82"/>
        <source>Vouchers worth this much are taken by staff. Please press Help.</source>
        <translation>Bons über diesen Betrag nimmt das Personal an. Bitte drücken Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="83"/>
        <source>cashier</source>
        <translation>Kassierer/in</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="84"/>
        <source>supervisor</source>
        <translation>Schichtleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="85"/>
        <source>manager</source>
        <translation>Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="86"/>
        <source>a supervisor or manager changes products and prices</source>
        <translation>Produkte und Preise ändert die Schicht- oder Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="87"/>
        <source>a supervisor or manager changes products and their pictures</source>
        <translation>Produkte und ihre Bilder ändert die Schicht- oder Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="88"/>
        <source>a supervisor or manager teaches the camera products</source>
        <translation>Die Kamera lernt Produkte von der Schicht- oder Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="89"/>
        <source>a supervisor or manager imports prices</source>
        <translation>Preise importiert die Schicht- oder Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="90"/>
        <source>a supervisor or manager exports the catalog</source>
        <translation>Den Katalog exportiert die Schicht- oder Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="91"/>
        <source>a supervisor or manager exports the sales</source>
        <translation>Die Verkäufe exportiert die Schicht- oder Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="92"/>
        <source>a supervisor or manager backs up the catalog</source>
        <translation>Den Katalog sichert die Schicht- oder Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="93"/>
        <source>a supervisor or manager copies the views</source>
        <translation>Die Ansichten kopiert die Schicht- oder Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="94"/>
        <source>a manager installs recognition models</source>
        <translation>Erkennungsmodelle installiert die Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="95"/>
        <source>a supervisor or manager sets up offers</source>
        <translation>Angebote legt die Schicht- oder Filialleitung an</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="96"/>
        <source>a supervisor or manager ends offers</source>
        <translation>Angebote beendet die Schicht- oder Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="97"/>
        <source>a supervisor or manager settles payments</source>
        <translation>Zahlungen klärt die Schicht- oder Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="98"/>
        <source>a manager changes the store&apos;s details</source>
        <translation>Die Geschäftsdaten ändert die Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="99"/>
        <source>a manager manages staff accounts</source>
        <translation>Personalkonten verwaltet die Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="100"/>
        <source>a supervisor or manager reads the audit log</source>
        <translation>Das Änderungsprotokoll liest die Schicht- oder Filialleitung</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="101"/>
        <source>the kiosk&apos;s catalog is not open; restart the kiosk</source>
        <translation>der Katalog des Kiosks ist nicht geöffnet; starten Sie den Kiosk neu</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="102"/>
        <source>the picture {name} was written but cannot be read back</source>
        <translation>das Bild {name} wurde geschrieben, lässt sich aber nicht wieder lesen</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="103"/>
        <source>the camera has not delivered a picture yet; try again in a moment</source>
        <translation>die Kamera hat noch kein Bild geliefert; versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="104"/>
        <source>no product with sku {sku!r} in the catalog</source>
        <translation>kein Produkt mit SKU {sku!r} im Katalog</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="105"/>
        <source>clear the counter and press The counter is empty first</source>
        <translation>räumen Sie die Ablage ab und drücken Sie zuerst „Die Ablage ist leer“</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="106"/>
        <source>nothing to train on yet: no views taken, no corrections kept</source>
        <translation>noch nichts zum Trainieren: keine Ansichten aufgenommen, keine Korrekturen gespeichert</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="107"/>
        <source>cannot write {path}: {problem}</source>
        <translation>{path} kann nicht geschrieben werden: {problem}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="108"/>
        <source>the kiosk&apos;s checkout is not running; restart the kiosk</source>
        <translation>die Kasse des Kiosks läuft nicht; starten Sie den Kiosk neu</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="109"/>
        <source>{name} is a {role}: {rule}</source>
        <translation>{name} ist {role}: {rule}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="110"/>
        <source>no staff account named {name!r}</source>
        <translation>kein Personalkonto namens {name!r}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="111"/>
        <source>line {line}: {reason}</source>
        <translation>Zeile {line}: {reason}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="112"/>
        <source>{file} has {count} bad rows; nothing was imported. {rows}</source>
        <translation>{file} hat {count} fehlerhafte Zeilen; nichts wurde importiert. {rows}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="113"/>
        <source>{name} is the only active manager: add another manager first</source>
        <translation>{name} ist die einzige aktive Filialleitung: legen Sie zuerst eine weitere an</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="114"/>
        <source>and {count} more</source>
        <translation>und {count} weitere</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="115"/>
        <source>camera reconnecting</source>
        <translation>Kamera verbindet neu</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="116"/>
        <source>camera failed</source>
        <translation>Kamera ausgefallen</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="117"/>
        <source>camera ended</source>
        <translation>Kamera beendet</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="118"/>
        <source>no picture from the camera for {seconds} s</source>
        <translation>seit {seconds} s kein Bild von der Kamera</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="119"/>
        <source>{state}: {reason}</source>
        <translation>{state}: {reason}</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../admin/correct_dialog.py" line="49"/>
        <source>Correct the items</source>
        <translation>Artikel korrigieren</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="61"/>
        <source>Take out what the camera read wrongly, add what it missed. Each change is listed on the sale and kept with the counter&apos;s picture to teach the model.</source>
        <translation>Entfernen Sie, was die Kamera falsch gelesen hat, und fügen Sie hinzu, was sie übersehen hat. Jede Änderung steht beim Verkauf und wird mit dem Bild der Ablage gespeichert, um das Modell anzulernen.</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="77"/>
        <source>Nothing in the basket.</source>
        <translation>Nichts im Warenkorb.</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="80"/>
        <source>Find a product: name or SKU</source>
        <translation>Produkt suchen: Name oder SKU</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="90"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="93"/>
        <source>In the basket</source>
        <translation>Im Warenkorb</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="97"/>
        <source>Add one (tap)</source>
        <translation>Eins hinzufügen (tippen)</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="151"/>
        <source> (added by staff)</source>
        <translation> (vom Personal hinzugefügt)</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="154"/>
        <source>Remove one</source>
        <translation>Eins entfernen</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../messages.py" line="21"/>
        <source>Please take your items from the counter.</source>
        <translation>Bitte nehmen Sie Ihre Artikel von der Ablage.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="22"/>
        <source>Age-restricted items need a staff check. Please press Help.</source>
        <translation>Artikel mit Altersgrenze brauchen eine Kontrolle durch das Personal. Bitte drücken Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="23"/>
        <source>The items on the counter changed, so payment was cancelled. Please check.</source>
        <translation>Die Artikel auf der Ablage haben sich geändert, daher wurde die Zahlung abgebrochen. Bitte prüfen Sie.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="26"/>
        <source>Thank you! Please take your items and your receipt.</source>
        <translation>Vielen Dank! Bitte nehmen Sie Ihre Artikel und Ihren Beleg.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="27"/>
        <source>Please follow the instructions on the card terminal.</source>
        <translation>Bitte folgen Sie den Anweisungen am Kartenterminal.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="28"/>
        <source>A member of staff is on the way.</source>
        <translation>Jemand vom Personal ist unterwegs.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="29"/>
        <source>Cancelling payment…</source>
        <translation>Zahlung wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../messages.py" line="30"/>
        <source>Payment approved. Saving your receipt…</source>
        <translation>Zahlung erfolgreich. Ihr Beleg wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../messages.py" line="31"/>
        <source>Payment did not go through.</source>
        <translation>Die Zahlung ist nicht durchgegangen.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="32"/>
        <source>Payment cancelled.</source>
        <translation>Zahlung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="33"/>
        <source>The card was declined. Try another card or call for help.</source>
        <translation>Die Karte wurde abgelehnt. Versuchen Sie eine andere Karte oder rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="34"/>
        <source>The terminal did not answer in time. Please try again.</source>
        <translation>Das Terminal hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="35"/>
        <source>The basket was cancelled. Please take your items.</source>
        <translation>Der Warenkorb wurde storniert. Bitte nehmen Sie Ihre Artikel.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="36"/>
        <source>Please turn the marked item label up, or call for help.</source>
        <translation>Bitte drehen Sie den markierten Artikel mit dem Etikett nach oben, oder rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="37"/>
        <source>The marked item is not sold here. Take it away or call for help.</source>
        <translation>Der markierte Artikel wird hier nicht verkauft. Nehmen Sie ihn weg oder rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="38"/>
        <source>Please move the marked items apart.</source>
        <translation>Bitte legen Sie die markierten Artikel auseinander.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>Something on the counter is not one of our products. If it is yours, please take it away; to buy it, scan its barcode or call for help.</source>
        <translation>Etwas auf der Ablage ist keines unserer Produkte. Wenn es Ihnen gehört, nehmen Sie es bitte weg; um es zu kaufen, scannen Sie den Strichcode oder rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="44"/>
        <source>The sale could not be prepared, so no money was taken. Please try again.</source>
        <translation>Der Verkauf konnte nicht vorbereitet werden, es wurde kein Geld abgebucht. Bitte versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="47"/>
        <source>The kiosk cannot save sales right now, so no money was taken. Please call for help.</source>
        <translation>Die Kasse kann gerade keine Verkäufe speichern, es wurde kein Geld abgebucht. Bitte rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>The card terminal is not available. Please call for help.</source>
        <translation>Das Kartenterminal ist nicht verfügbar. Bitte rufen Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>We could not confirm your payment. Please wait here: staff will check it.</source>
        <translation>Wir konnten Ihre Zahlung nicht bestätigen. Bitte warten Sie hier: Das Personal prüft sie.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>Now place your items on the counter: the voucher comes off their total.</source>
        <translation>Legen Sie jetzt Ihre Artikel auf: Der Bon wird von der Summe abgezogen.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="58"/>
        <source>The bottle vouchers are worth as much as your items or more. Add items, or press Help.</source>
        <translation>Die Leergutbons sind so viel wert wie Ihre Artikel oder mehr. Legen Sie Artikel dazu oder drücken Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="62"/>
        <source>This kiosk does not take bottle vouchers. Please hand it in at a staffed till.</source>
        <translation>Diese Kasse nimmt keine Leergutbons an. Bitte geben Sie ihn an einer besetzten Kasse ab.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="66"/>
        <source>This voucher is already in your basket.</source>
        <translation>Dieser Bon ist schon in Ihrem Warenkorb.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="67"/>
        <source>This voucher is being used at another checkout right now.</source>
        <translation>Dieser Bon wird gerade an einer anderen Kasse verwendet.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="68"/>
        <source>A voucher in your basket was just used at another checkout. Please take it out, or press Help.</source>
        <translation>Ein Bon in Ihrem Warenkorb wurde gerade an einer anderen Kasse verwendet. Bitte nehmen Sie ihn heraus oder drücken Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="73"/>
        <source>The voucher could not be checked just now. Please try again, or press Help.</source>
        <translation>Der Bon konnte gerade nicht geprüft werden. Bitte noch einmal, oder drücken Sie Hilfe.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="76"/>
        <source>This barcode is not one of the store&apos;s products. Please press Help.</source>
        <translation>Dieser Strichcode gehört zu keinem Artikel des Markts. Bitte drücken Sie Hilfe.</translation>
    </message>
</context>
<context>
    <name>EnrolTab</name>
    <message>
        <location filename="../admin/enrol_tab.py" line="57"/>
        <source>1. The counter is empty</source>
        <translation>1. Die Ablage ist leer</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="59"/>
        <source>2. Take a view</source>
        <translation>2. Ansicht aufnehmen</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="61"/>
        <source>Start over</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="70"/>
        <source>Remove the chosen view</source>
        <translation>Gewählte Ansicht entfernen</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="74"/>
        <source>Copy for training to a USB stick…</source>
        <translation>Für das Training auf USB-Stick kopieren…</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="79"/>
        <source>Copy the views and corrections into a folder</source>
        <translation>Ansichten und Korrekturen in einen Ordner kopieren</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="83"/>
        <source>Install a trained model…</source>
        <translation>Trainiertes Modell installieren…</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="87"/>
        <source>Install a recognition model</source>
        <translation>Erkennungsmodell installieren</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="89"/>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX-Modell (*.onnx)</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="92"/>
        <source>Back to the model before</source>
        <translation>Zurück zum vorherigen Modell</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="96"/>
        <location filename="../admin/enrol_tab.py" line="178"/>
        <location filename="../admin/enrol_tab.py" line="201"/>
        <source>no view yet</source>
        <translation>noch keine Ansicht</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="102"/>
        <source>For a product the camera does not know yet. Clear the counter and press 1. Put the product down and press 2; turn it over or around, move it, and press 2 again: %1 or more views, every side that can face up, in different places. Then copy the views to a USB stick, train a model with them on a PC (README: Enrol your own products) and install it here from the stick.</source>
        <translation>Für ein Produkt, das die Kamera noch nicht kennt. Räumen Sie die Ablage ab und drücken Sie 1. Legen Sie das Produkt hin und drücken Sie 2; drehen oder wenden Sie es, verschieben Sie es und drücken Sie wieder 2: %1 oder mehr Ansichten, jede Seite, die oben liegen kann, an verschiedenen Stellen. Kopieren Sie dann die Ansichten auf einen USB-Stick, trainieren Sie damit auf einem PC ein Modell (README: Enrol your own products) und installieren Sie es hier vom Stick.</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="113"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="114"/>
        <source>Its longest side</source>
        <translation>Seine längste Seite</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="224"/>
        <source>%1 views of %2 so far, in %3.</source>
        <translation>Bisher %1 Ansichten von %2, in %3.</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="227"/>
        <source>Clear the counter and press 1 first.</source>
        <translation>Räumen Sie die Ablage ab und drücken Sie zuerst 1.</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="229"/>
        <source>Take %1 or more.</source>
        <translation>Nehmen Sie %1 oder mehr auf.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../header.py" line="93"/>
        <source>Self-checkout</source>
        <translation>Selbstbedienungskasse</translation>
    </message>
    <message>
        <location filename="../header.py" line="94"/>
        <source>No barcodes needed: the camera recognises your items</source>
        <translation>Ohne Scannen: Die Kamera erkennt alles</translation>
    </message>
    <message>
        <location filename="../header.py" line="96"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../header.py" line="97"/>
        <location filename="../header.py" line="98"/>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <location filename="../header.py" line="99"/>
        <source>Larger text</source>
        <translation>Größere Schrift</translation>
    </message>
    <message>
        <location filename="../header.py" line="100"/>
        <source>Voice</source>
        <translation>Vorlesen</translation>
    </message>
    <message>
        <location filename="../header.py" line="101"/>
        <location filename="../header.py" line="102"/>
        <source>Spoken guidance</source>
        <translation>Gesprochene Anleitung</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../kiosk_window.py" line="144"/>
        <location filename="../kiosk_window.py" line="385"/>
        <source>Self-checkout</source>
        <translation>Selbstbedienungskasse</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="295"/>
        <source>Cancel help</source>
        <translation>Hilfe abbrechen</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="295"/>
        <location filename="../kiosk_window.py" line="383"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="382"/>
        <source>Pay</source>
        <translation>Bezahlen</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="384"/>
        <source>Bottle voucher</source>
        <translation>Leergutbon</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="393"/>
        <source>No picture from the camera</source>
        <translation>Kein Bild von der Kamera</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="393"/>
        <source>Starting the camera…</source>
        <translation>Kamera startet…</translation>
    </message>
</context>
<context>
    <name>OffersTab</name>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Offer</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="48"/>
        <source>End the chosen offer</source>
        <translation>Gewähltes Angebot beenden</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="57"/>
        <source>Type part of the name or SKU</source>
        <translation>Teil des Namens oder die SKU eingeben</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="60"/>
        <source>pay for</source>
        <translation>zahle für</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="60"/>
        <source>for the price</source>
        <translation>zum Preis</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="65"/>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="69"/>
        <source>Add offer</source>
        <translation>Angebot anlegen</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="77"/>
        <source>buy</source>
        <translation>kaufe</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="82"/>
        <source>from</source>
        <translation>ab</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="131"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="133"/>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="135"/>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="136"/>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="139"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="139"/>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="140"/>
        <source>over</source>
        <translation>vorbei</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="145"/>
        <source>Choose an offer first.</source>
        <translation>Wählen Sie zuerst ein Angebot.</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="158"/>
        <source>Choose a product from the list first.</source>
        <translation>Wählen Sie zuerst ein Produkt aus der Liste.</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../screens.py" line="318"/>
        <source>This checkout is closed</source>
        <translation>Diese Kasse ist geschlossen</translation>
    </message>
    <message>
        <location filename="../screens.py" line="319"/>
        <source>Sorry! Please use another checkout or ask a member of staff.</source>
        <translation>Entschuldigung! Bitte nutzen Sie eine andere Kasse oder fragen Sie das Personal.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="320"/>
        <source>The kiosk is trying to restart by itself…</source>
        <translation>Der Kiosk versucht, sich selbst neu zu starten…</translation>
    </message>
    <message>
        <location filename="../screens.py" line="321"/>
        <source>For staff: %1</source>
        <translation>Für das Personal: %1</translation>
    </message>
</context>
<context>
    <name>PayingPanel</name>
    <message>
        <location filename="../screens.py" line="151"/>
        <source>Please pay</source>
        <translation>Bitte bezahlen</translation>
    </message>
    <message>
        <location filename="../screens.py" line="152"/>
        <source>Tap, insert or swipe your card on the terminal.</source>
        <translation>Halten Sie Ihre Karte an das Terminal, stecken oder ziehen Sie sie.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="153"/>
        <source>Cancel payment</source>
        <translation>Zahlung abbrechen</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>Sale key</source>
        <translation>Verkaufsschlüssel</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="40"/>
        <source>Every payment started is accounted for.</source>
        <translation>Jede begonnene Zahlung ist geklärt.</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="42"/>
        <source>the terminal&apos;s reference</source>
        <translation>Referenz des Terminals</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="43"/>
        <source>Paid at the terminal</source>
        <translation>Am Terminal bezahlt</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="44"/>
        <source>Not paid</source>
        <translation>Nicht bezahlt</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="50"/>
        <source>Look the sale key up in the card terminal&apos;s journal. Paid: type its reference and record the sale. Not taken: close it.</source>
        <translation>Suchen Sie den Verkaufsschlüssel im Journal des Kartenterminals. Bezahlt: Referenz eingeben und Verkauf erfassen. Nicht abgebucht: schließen.</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="79"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="79"/>
        <source>not settled yet</source>
        <translation>noch nicht geklärt</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="94"/>
        <source>type the terminal&apos;s reference first</source>
        <translation>geben Sie zuerst die Referenz des Terminals ein</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../admin/pin_dialog.py" line="72"/>
        <source>Staff PIN</source>
        <translation>Personal-PIN</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="73"/>
        <source>Staff: enter your PIN</source>
        <translation>Personal: PIN eingeben</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="74"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="75"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="101"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <location filename="../admin/products_tab.py" line="126"/>
        <source>%1/kg</source>
        <translation>%1/kg</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="130"/>
        <source>%1 + %2 deposit</source>
        <translation>%1 + %2 Pfand</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="134"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="134"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="138"/>
        <source>18+</source>
        <translation>18+</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="139"/>
        <source>loose</source>
        <translation>lose</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="144"/>
        <source>added on the screen</source>
        <translation>am Bildschirm hinzugefügt</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="148"/>
        <source>sold by its scale&apos;s label</source>
        <translation>per Waagenetikett verkauft</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="149"/>
        <source>not recognised</source>
        <translation>nicht erkannt</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="149"/>
        <source>scanned by its barcode</source>
        <translation>per Strichcode gescannt</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="158"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="159"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="160"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="161"/>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="162"/>
        <source>On sale</source>
        <translation>Im Verkauf</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="163"/>
        <source>Recognised as</source>
        <translation>Erkannt als</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <location filename="../admin/products_tab.py" line="208"/>
        <source>Search: part of the name, the SKU, a label, or scan the barcode</source>
        <translation>Suche: Teil des Namens, Artikelnummer, Label, oder Strichcode scannen</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="232"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="233"/>
        <source>On sale</source>
        <translation>Im Verkauf</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="234"/>
        <source>Age checked by staff (18+)</source>
        <translation>Alterskontrolle durch Personal (18+)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="235"/>
        <source>Sold loose, by count</source>
        <translation>Lose verkauft, nach Stück</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="236"/>
        <source>Added by the shopper on the screen (bags)</source>
        <translation>Von Kunden am Bildschirm hinzugefügt (Tüten)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="240"/>
        <source>Take from the camera</source>
        <translation>Von der Kamera aufnehmen</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="244"/>
        <source>No picture</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="251"/>
        <source>New product</source>
        <translation>Neues Produkt</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="253"/>
        <source>Import a CSV file…</source>
        <translation>CSV-Datei importieren…</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="255"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="258"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="260"/>
        <source>Back to the list</source>
        <translation>Zurück zur Liste</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="271"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="272"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="273"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="274"/>
        <source>Tax rate</source>
        <translation>Steuersatz</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="275"/>
        <source>Deposit (bottles, cans)</source>
        <translation>Pfand (Flaschen, Dosen)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="276"/>
        <source>Barcode number</source>
        <translation>Strichcode-Nummer</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="286"/>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="288"/>
        <source>The camera recognises it as:</source>
        <translation>Die Kamera erkennt es als:</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="310"/>
        <source>Import a catalog CSV file</source>
        <translation>Katalog-CSV-Datei importieren</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="310"/>
        <source>Catalog CSV (*.csv)</source>
        <translation>Katalog-CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="315"/>
        <source>Export the catalog into a folder</source>
        <translation>Katalog in einen Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="414"/>
        <source>A new product: its SKU cannot be changed once saved.</source>
        <translation>Ein neues Produkt: Seine SKU lässt sich nach dem Speichern nicht mehr ändern.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="456"/>
        <source>(reading)</source>
        <translation>(wird gelesen)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="456"/>
        <source>no picture</source>
        <translation>kein Bild</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="468"/>
        <source>Picture cut out against the empty counter noted under Teach the camera. Save to keep it.</source>
        <translation>Bild vor der unter „Kamera anlernen“ gespeicherten leeren Ablage freigestellt. Speichern, um es zu behalten.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="471"/>
        <source>Picture taken of the item on the counter. Save to keep it.</source>
        <translation>Bild des Artikels auf der Ablage aufgenommen. Speichern, um es zu behalten.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="473"/>
        <source>Several items on the counter: took the one nearest the middle. Save to keep it.</source>
        <translation>Mehrere Artikel auf der Ablage: Der mittlere wurde genommen. Speichern, um es zu behalten.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="476"/>
        <source>The camera recognises nothing there: took the middle of the counter. Save to keep it.</source>
        <translation>Die Kamera erkennt dort nichts: Die Mitte der Ablage wurde genommen. Speichern, um es zu behalten.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="509"/>
        <source>now %1</source>
        <translation>jetzt %1</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="511"/>
        <source>not in the running model</source>
        <translation>nicht im laufenden Modell</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="537"/>
        <source>Choose a product first.</source>
        <translation>Wählen Sie zuerst ein Produkt.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="542"/>
        <source>A product needs a SKU and a name.</source>
        <translation>Ein Produkt braucht eine SKU und einen Namen.</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <location filename="../screens.py" line="202"/>
        <source>Thank you!</source>
        <translation>Vielen Dank!</translation>
    </message>
    <message>
        <location filename="../screens.py" line="203"/>
        <source>Scan with your phone to keep this receipt</source>
        <translation>Mit dem Handy scannen, um den Beleg zu behalten</translation>
    </message>
    <message>
        <location filename="../screens.py" line="204"/>
        <source>Please take your items and your card. Goodbye!</source>
        <translation>Bitte nehmen Sie Ihre Artikel und Ihre Karte. Auf Wiedersehen!</translation>
    </message>
    <message>
        <location filename="../screens.py" line="205"/>
        <source>Receipt %1</source>
        <translation>Beleg %1</translation>
    </message>
    <message>
        <location filename="../screens.py" line="207"/>
        <source>Try printing again</source>
        <translation>Erneut drucken</translation>
    </message>
    <message>
        <location filename="../screens.py" line="208"/>
        <source>Print receipt</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <location filename="../screens.py" line="211"/>
        <source>Printing your receipt…</source>
        <translation>Ihr Beleg wird gedruckt…</translation>
    </message>
    <message>
        <location filename="../screens.py" line="212"/>
        <source>Please take your receipt from the printer.</source>
        <translation>Bitte nehmen Sie Ihren Beleg aus dem Drucker.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="213"/>
        <source>The printer is not working. Ask staff for receipt %1.</source>
        <translation>Der Drucker funktioniert nicht. Fragen Sie das Personal nach Beleg %1.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="256"/>
        <source>Deposit</source>
        <translation>Pfand</translation>
    </message>
    <message>
        <location filename="../screens.py" line="256"/>
        <source>Bottle voucher</source>
        <translation>Leergutbon</translation>
    </message>
    <message>
        <location filename="../screens.py" line="271"/>
        <source>You saved</source>
        <translation>Sie sparen</translation>
    </message>
</context>
<context>
    <name>RefundTab</name>
    <message>
        <location filename="../admin/refund_tab.py" line="40"/>
        <source>Receipt number, e.g. K1-000042</source>
        <translation>Belegnummer, z. B. K1-000042</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="41"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="42"/>
        <source>Print a copy</source>
        <translation>Kopie drucken</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <source>Can go back</source>
        <translation>Erstattbar</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <location filename="../admin/refund_tab.py" line="52"/>
        <source>Refund</source>
        <translation>Erstatten</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="49"/>
        <source>Reason (for the books)</source>
        <translation>Grund (für die Buchhaltung)</translation>
    </message>
</context>
<context>
    <name>SalesTab</name>
    <message>
        <location filename="../admin/sales_tab.py" line="47"/>
        <source>◀ Day before</source>
        <translation>◀ Vortag</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="48"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="49"/>
        <source>Day after ▶</source>
        <translation>Folgetag ▶</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="50"/>
        <source>Back up to a USB stick…</source>
        <translation>Auf USB-Stick sichern…</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="52"/>
        <source>Export the day…</source>
        <translation>Tag exportieren…</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="55"/>
        <source>Export the month…</source>
        <translation>Monat exportieren…</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="58"/>
        <source>Print the day&apos;s report</source>
        <translation>Tagesbericht drucken</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="105"/>
        <source>Export the sales into a folder</source>
        <translation>Verkäufe in einen Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="112"/>
        <source>Back up the catalog and sales into a folder</source>
        <translation>Katalog und Verkäufe in einen Ordner sichern</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="125"/>
        <source>Sales today</source>
        <translation>Verkäufe heute</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="127"/>
        <source>Sales on %1</source>
        <translation>Verkäufe am %1</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="131"/>
        <source>Takings</source>
        <translation>Einnahmen</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="131"/>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="131"/>
        <source>Discounts</source>
        <translation>Rabatte</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="132"/>
        <source>Deposits</source>
        <translation>Pfand</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="138"/>
        <source>Bottle vouchers</source>
        <translation>Leergutbons</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="163"/>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="163"/>
        <source>Net takings</source>
        <translation>Nettoeinnahmen</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Rate</source>
        <translation>Satz</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
</context>
<context>
    <name>ScreenItemsBar</name>
    <message>
        <location filename="../screen_items.py" line="50"/>
        <source>Add to your basket</source>
        <translation>Zum Warenkorb hinzufügen</translation>
    </message>
</context>
<context>
    <name>ShopperVoice</name>
    <message>
        <location filename="../voice.py" line="44"/>
        <source>Spoken guidance is on.</source>
        <translation>Die gesprochene Anleitung ist an.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="71"/>
        <source>%1, %2 plus %4 deposit.</source>
        <translation>%1, %2 plus %4 Pfand.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="73"/>
        <source>%3 × %1, %2 each plus %4 deposit each.</source>
        <translation>%3 × %1, je %2 plus je %4 Pfand.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="77"/>
        <source>%1, %2.</source>
        <translation>%1, %2.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="77"/>
        <source>%3 × %1, %2 each.</source>
        <translation>%3 × %1, je %2.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="85"/>
        <source>Bottle voucher: %1 off.</source>
        <translation>Leergutbon: %1 weniger.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="94"/>
        <source>Total: %1.</source>
        <translation>Summe: %1.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="101"/>
        <source>Items in your basket: %1.</source>
        <translation>Artikel in Ihrem Warenkorb: %1.</translation>
    </message>
</context>
<context>
    <name>StaffFlow</name>
    <message>
        <location filename="../staff.py" line="149"/>
        <source>Staff: enter your PIN</source>
        <translation>Personal: PIN eingeben</translation>
    </message>
    <message>
        <location filename="../staff.py" line="193"/>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <location filename="../admin/staff_menu.py" line="22"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="24"/>
        <source>Signed in: %1</source>
        <translation>Angemeldet: %1</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="34"/>
        <source>Approve age check and marked items</source>
        <translation>Alterskontrolle und markierte Artikel freigeben</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="35"/>
        <source>Correct the items</source>
        <translation>Artikel korrigieren</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="36"/>
        <source>Take the bottle vouchers out</source>
        <translation>Leergutbons herausnehmen</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="37"/>
        <source>Cancel this basket</source>
        <translation>Diesen Warenkorb stornieren</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="38"/>
        <source>Admin: prices, sales, receipts, refunds</source>
        <translation>Verwaltung: Preise, Verkäufe, Belege, Erstattungen</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="39"/>
        <source>Close the kiosk</source>
        <translation>Kiosk schließen</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="40"/>
        <source>Done: back to the shopper</source>
        <translation>Fertig: zurück zur Kundschaft</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="64"/>
        <source>The card terminal never confirmed this basket&apos;s payment. Look up sale key %1 in the terminal&apos;s journal. Paid: record it (Admin, Payments to check) and cancel this basket. Not paid: close it there, press Done, and the shopper pays again.</source>
        <translation>Das Kartenterminal hat die Zahlung dieses Warenkorbs nie bestätigt. Suchen Sie den Verkaufsschlüssel %1 im Journal des Terminals. Bezahlt: erfassen (Verwaltung, Zu prüfende Zahlungen) und diesen Warenkorb stornieren. Nicht bezahlt: dort schließen, Fertig drücken, und die Kundschaft zahlt erneut.</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <location filename="../admin/staff_tab.py" line="40"/>
        <location filename="../admin/staff_tab.py" line="75"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="40"/>
        <location filename="../admin/staff_tab.py" line="76"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="40"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="42"/>
        <source>Add a staff member</source>
        <translation>Mitarbeiter/in anlegen</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="50"/>
        <source>May sign in (a disabled account stays on record)</source>
        <translation>Darf sich anmelden (ein gesperrtes Konto bleibt erfasst)</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="51"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="53"/>
        <source>Back to the list</source>
        <translation>Zurück zur Liste</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="67"/>
        <source>cashier: age checks, help, marked items</source>
        <translation>Kassierer/in: Alterskontrollen, Hilfe, markierte Artikel</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="68"/>
        <source>supervisor: also prices, offers, refunds</source>
        <translation>Schichtleitung: auch Preise, Angebote, Erstattungen</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="69"/>
        <source>manager: also staff accounts</source>
        <translation>Filialleitung: auch Personalkonten</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="77"/>
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN (4 bis 8 Ziffern)</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="78"/>
        <source>The PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="93"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="93"/>
        <source>disabled</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="119"/>
        <source>A new account: the PIN opens the staff pad from now on.</source>
        <translation>Ein neues Konto: Die PIN öffnet ab jetzt die Personal-Eingabe.</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="133"/>
        <source>Leave the PIN empty to keep the present one.</source>
        <translation>Lassen Sie die PIN leer, um die bisherige zu behalten.</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="145"/>
        <source>The two PINs differ: type the new PIN twice.</source>
        <translation>Die beiden PINs unterscheiden sich: Geben Sie die neue PIN zweimal ein.</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="151"/>
        <source>A new account needs a name and a PIN.</source>
        <translation>Ein neues Konto braucht einen Namen und eine PIN.</translation>
    </message>
</context>
<context>
    <name>StoreTab</name>
    <message>
        <location filename="../admin/store_tab.py" line="47"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="64"/>
        <source>Store name</source>
        <translation>Name des Geschäfts</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="65"/>
        <source>Address (one line each)</source>
        <translation>Adresse (je eine Zeile)</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="66"/>
        <source>VAT ID</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="67"/>
        <source>Foot of the receipt</source>
        <translation>Fußzeile des Belegs</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="71"/>
        <source>On every receipt, refund slip and day report from now on, at most %1 characters a line and %2 lines each for the address and the foot. An empty foot prints a thank-you.</source>
        <translation>Ab jetzt auf jedem Beleg, Erstattungsbeleg und Tagesbericht, höchstens %1 Zeichen je Zeile und je %2 Zeilen für Adresse und Fußzeile. Eine leere Fußzeile druckt einen Dank.</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="91"/>
        <source>The receipt&apos;s head and foot</source>
        <translation>Kopf und Fuß des Belegs</translation>
    </message>
</context>
<context>
    <name>VoucherDialog</name>
    <message>
        <location filename="../voucher.py" line="76"/>
        <location filename="../voucher.py" line="77"/>
        <source>Bottle voucher</source>
        <translation>Leergutbon</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="79"/>
        <source>Scan the voucher&apos;s barcode, or type the number printed under it.</source>
        <translation>Scannen Sie den Strichcode des Bons oder tippen Sie die Nummer darunter ein.</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="81"/>
        <source>In your basket:</source>
        <translation>In Ihrem Warenkorb:</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="83"/>
        <source>Take out</source>
        <translation>Herausnehmen</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="84"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="85"/>
        <source>Add voucher</source>
        <translation>Bon hinzufügen</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../screens.py" line="121"/>
        <source>Welcome!</source>
        <translation>Willkommen!</translation>
    </message>
    <message>
        <location filename="../screens.py" line="123"/>
        <source>Place your items flat on the counter, side by side.</source>
        <translation>Legen Sie Ihre Artikel flach und nebeneinander auf die Ablage.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="124"/>
        <source>Check your items and the total on this screen.</source>
        <translation>Prüfen Sie Ihre Artikel und die Summe auf diesem Bildschirm.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="125"/>
        <source>Tap Pay and use the card terminal.</source>
        <translation>Tippen Sie auf Bezahlen und nutzen Sie das Kartenterminal.</translation>
    </message>
</context>
<context>
    <name>usb</name>
    <message>
        <location filename="../admin/usb.py" line="50"/>
        <source>{title} (no USB stick found)</source>
        <translation>{title} (kein USB-Stick gefunden)</translation>
    </message>
</context>
</TS>
