<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name></name>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>Please turn the marked item so its label faces up, or call for help.</source>
        <translation>Retournez l&apos;article signalé, étiquette vers le haut, ou appelez un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="97"/>
        <source>Please move the marked items apart.</source>
        <translation>Veuillez écarter les articles signalés.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="99"/>
        <source>We do not recognise the marked item. Please call for help.</source>
        <translation>Nous ne reconnaissons pas l&apos;article signalé. Appelez un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="102"/>
        <source>Something on the counter is not one of our products. If it is yours, please take it away; to buy it, scan its barcode or call for help.</source>
        <translation>Quelque chose sur le plateau n’est pas l’un de nos produits. S’il vous appartient, retirez-le ; pour l’acheter, scannez son code-barres ou appelez un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="105"/>
        <source>The marked item cannot be sold here. Please call for help.</source>
        <translation>L&apos;article signalé ne peut pas être vendu ici. Appelez un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="111"/>
        <source>Move apart</source>
        <translation>Écartez</translation>
    </message>
    <message>
        <location filename="../messages.py" line="113"/>
        <source>Turn over?</source>
        <translation>Retourner ?</translation>
    </message>
    <message>
        <location filename="../messages.py" line="115"/>
        <source>Not recognised</source>
        <translation>Non reconnu</translation>
    </message>
    <message>
        <location filename="../messages.py" line="116"/>
        <source>Unknown item</source>
        <translation>Article inconnu</translation>
    </message>
    <message>
        <location filename="../messages.py" line="141"/>
        <source>Place your items on the counter to start.</source>
        <translation>Posez vos articles sur le plateau pour commencer.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="149"/>
        <source>Scanning your items… please keep them apart.</source>
        <translation>Lecture de vos articles… gardez-les bien espacés.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="151"/>
        <source>All items recognised. Tap Pay when you are ready.</source>
        <translation>Tous les articles sont reconnus. Appuyez sur Payer dès que vous le souhaitez.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="154"/>
        <source>Staff member %1 is helping you.</source>
        <translation>%1, de notre équipe, vous aide.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="157"/>
        <source>Help is on the way. A member of staff will be with you shortly.</source>
        <translation>Un employé arrive. Il sera avec vous dans un instant.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="159"/>
        <source>Payment in progress. Please follow the card terminal.</source>
        <translation>Paiement en cours. Suivez les indications du terminal de paiement.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="161"/>
        <source>Payment approved. Please take your items. Thank you!</source>
        <translation>Paiement accepté. Reprenez vos articles. Merci !</translation>
    </message>
    <message>
        <location filename="../messages.py" line="169"/>
        <source>Age check needed: a member of staff will come to approve.</source>
        <translation>Contrôle de l&apos;âge nécessaire : un employé va venir valider.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="171"/>
        <source>Please call for help.</source>
        <translation>Veuillez appeler un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="175"/>
        <source>This checkout is closed. Please use another checkout.</source>
        <translation>Cette caisse est fermée. Veuillez utiliser une autre caisse.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="179"/>
        <source>Sorry, something went wrong. Please call for help.</source>
        <translation>Désolé, une erreur s&apos;est produite. Appelez un employé.</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="33"/>
        <source>Wrong PIN. The PIN pad is now locked.</source>
        <translation>Code PIN erroné. La saisie du code PIN est bloquée.</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="34"/>
        <source>Wrong PIN. %n attempt(s) left.</source>
        <translation>Code PIN erroné. Essais restants : %n.</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="37"/>
        <source>Too many wrong PINs. Locked until %1.</source>
        <translation>Trop de codes PIN erronés. Bloqué jusqu&apos;à %1.</translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../admin/panel.py" line="58"/>
        <source>Store admin</source>
        <translation>Gestion du magasin</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="98"/>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="99"/>
        <source>Teach the camera</source>
        <translation>Apprendre à la caméra</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="100"/>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="101"/>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="102"/>
        <source>Receipts and refunds</source>
        <translation>Tickets et remboursements</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="103"/>
        <source>Payments to check</source>
        <translation>Paiements à vérifier</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="104"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="105"/>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="106"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="107"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="263"/>
        <source>Could not do that: %1</source>
        <translation>Action impossible : %1</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="270"/>
        <source>The empty counter is noted.</source>
        <translation>Plateau vide enregistré.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="275"/>
        <source>View %1 of %2 taken.</source>
        <translation>Vue %1 de %2 prise.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="280"/>
        <source>The views were removed.</source>
        <translation>Les vues ont été supprimées.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="283"/>
        <source>The view was removed.</source>
        <translation>La vue a été supprimée.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="289"/>
        <source>Exported %1 products to %2, their pictures beside it.</source>
        <translation>%1 produits exportés vers %2, avec leurs images à côté.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="299"/>
        <source>Copied %1 views of %2 products and %3 new corrections to %4.</source>
        <translation>%1 vues de %2 produits et %3 nouvelles corrections copiées vers %4.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="308"/>
        <source>Backed up to %1 (%2 sales, %3 products; checked), %4 new pictures.</source>
        <translation>Sauvegardé vers %1 (%2 ventes, %3 produits ; vérifié), %4 nouvelles images.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="316"/>
        <source>Report printed.</source>
        <translation>Rapport imprimé.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="316"/>
        <source>The report was not printed: %1</source>
        <translation>Le rapport n&apos;a pas été imprimé : %1</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="319"/>
        <source>Copy printed.</source>
        <translation>Copie imprimée.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="319"/>
        <source>The copy was not printed: %1</source>
        <translation>La copie n&apos;a pas été imprimée : %1</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="329"/>
        <source>Saved: receipts print it from now on.</source>
        <translation>Enregistré : les tickets l&apos;impriment désormais.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="333"/>
        <source>Account added.</source>
        <translation>Compte ajouté.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="336"/>
        <source>Account saved.</source>
        <translation>Compte enregistré.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="339"/>
        <source>Offer added.</source>
        <translation>Offre ajoutée.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="342"/>
        <source>Offer ended.</source>
        <translation>Offre terminée.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="348"/>
        <source>Recognition model: %1 (%2 labels)</source>
        <translation>Modèle de reconnaissance : %1 (%2 étiquettes)</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="354"/>
        <source>The installed %1 did not load on this kiosk, so this one stays: %2. Install another model or go back to the one before.</source>
        <translation>Le modèle installé %1 ne se charge pas sur cette borne, celui-ci reste donc actif : %2. Installez un autre modèle ou revenez au précédent.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="360"/>
        <source>%1 takes over when the counter is empty.</source>
        <translation>%1 prendra le relais dès que le plateau sera vide.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="373"/>
        <source>%1 is already the model in use.</source>
        <translation>%1 est déjà le modèle utilisé.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="376"/>
        <source>Installed %1 (%2 labels): the kiosk switches to it the next time the counter is empty.</source>
        <translation>%1 installé (%2 étiquettes) : la borne l&apos;utilisera dès que le plateau sera vide.</translation>
    </message>
    <message numerus="yes">
        <location filename="../admin/panel.py" line="384"/>
        <source>It does not recognise %n product(s) on sale: staff add them by hand.</source>
        <translation>
            <numerusform>Il ne reconnaît pas %n produit en vente : le personnel l&apos;ajoute à la main.</numerusform>
            <numerusform>Il ne reconnaît pas %n produits en vente : le personnel les ajoute à la main.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="388"/>
        <source>Labels of products off sale: %1.</source>
        <translation>Étiquettes de produits hors vente : %1.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="393"/>
        <source>But the settings name a model file (%1) and the kiosk runs that one.</source>
        <translation>Mais les réglages indiquent un fichier de modèle (%1), et la borne utilise celui-ci.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="400"/>
        <source>Back to %1 (instead of %2): the kiosk switches the next time the counter is empty.</source>
        <translation>Retour à %1 (au lieu de %2) : la borne basculera dès que le plateau sera vide.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="410"/>
        <source>Recorded sale %1 (%2).</source>
        <translation>Vente %1 enregistrée (%2).</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="414"/>
        <source>Closed as not paid (%1).</source>
        <translation>Clôturé comme non payé (%1).</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="437"/>
        <source>Imported: %1 new, %2 changed, %3 as they were.</source>
        <translation>Importé : %1 nouveaux, %2 modifiés, %3 inchangés.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="442"/>
        <source>The file was read as Windows-1252 (Excel&apos;s plain CSV): check the names with accents.</source>
        <translation>Le fichier a été lu en Windows-1252 (CSV simple d&apos;Excel) : vérifiez les noms accentués.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="446"/>
        <source>Scale labels stored as their product&apos;s number: %1.</source>
        <translation>Étiquettes de balance enregistrées comme numéro de leur produit : %1.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="459"/>
        <source>Added %1.</source>
        <translation>%1 ajouté.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="459"/>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="462"/>
        <source>%1 is no longer recognised as %2.</source>
        <translation>%1 n&apos;est plus reconnu comme %2.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="478"/>
        <source>Refunded %1 (%2). Give it back by %3.</source>
        <translation>%1 remboursé (%2). À rendre par : %3.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="490"/>
        <source>%1 to %2</source>
        <translation>%1 au %2</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="495"/>
        <source>Exported the sales of %1 to %4 and %5 (receipts: %2, refunds: %3).</source>
        <translation>Ventes exportées (%1) vers %4 et %5 (tickets : %2, remboursements : %3).</translation>
    </message>
</context>
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../basket_model.py" line="137"/>
        <source>Bottle voucher</source>
        <translation>Bon de consigne</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="141"/>
        <source>Deposit</source>
        <translation>Consigne</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="159"/>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="159"/>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="159"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="159"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>BasketPanel</name>
    <message>
        <location filename="../basket_panel.py" line="128"/>
        <location filename="../basket_panel.py" line="145"/>
        <source>Your items</source>
        <translation>Vos articles</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="129"/>
        <source>No items yet</source>
        <translation>Aucun article</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="131"/>
        <source>Subtotal</source>
        <translation>Sous-total</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="132"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="141"/>
        <source>of which tax</source>
        <translation>dont TVA</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="141"/>
        <source>Tax</source>
        <translation>TVA</translation>
    </message>
    <message numerus="yes">
        <location filename="../basket_panel.py" line="145"/>
        <source>Your items (%n)</source>
        <translation>
            <numerusform>Vos articles (%n)</numerusform>
            <numerusform>Vos articles (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesTab</name>
    <message>
        <location filename="../admin/changes_tab.py" line="27"/>
        <source>All changes</source>
        <translation>Tout</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="28"/>
        <source>Products and prices</source>
        <translation>Produits et prix</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="29"/>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="30"/>
        <source>Staff at the counter</source>
        <translation>Personnel à la caisse</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="31"/>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="32"/>
        <source>Sales exported</source>
        <translation>Ventes exportées</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="33"/>
        <source>Payments settled</source>
        <translation>Paiements réglés</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="34"/>
        <source>Staff accounts</source>
        <translation>Comptes du personnel</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="35"/>
        <source>Store details</source>
        <translation>Infos du magasin</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="36"/>
        <source>Recognition models</source>
        <translation>Modèles de reconnaissance</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="47"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="75"/>
        <source>The newest %1 shown; `kiosk audit` reads them all.</source>
        <translation>Les %1 plus récentes sont affichées ; `kiosk audit` les lit toutes.</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="79"/>
        <source>No changes of this kind recorded.</source>
        <translation>Aucune modification de ce type enregistrée.</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="core_texts.py" line="7"/>
        <source>cannot back up {source} to {folder}: {problem}</source>
        <translation>impossible de sauvegarder {source} vers {folder} : {problem}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="8"/>
        <source>sku is empty</source>
        <translation>la réf. est vide</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="9"/>
        <source>name is empty</source>
        <translation>le nom est vide</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="10"/>
        <source>has {values} values, the header has {columns}{missing}</source>
        <translation>{values} valeurs alors que l&apos;en-tête en a {columns}{missing}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="11"/>
        <source>barcode {barcode} is already used on line {line}</source>
        <translation>le code-barres {barcode} figure déjà à la ligne {line}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="12"/>
        <source>label {label!r} is already used on line {line}</source>
        <translation>l&apos;étiquette {label!r} est déjà utilisée à la ligne {line}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="13"/>
        <source> (missing {columns})</source>
        <translation> (il manque {columns})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="14"/>
        <source>the file has a header but no product rows</source>
        <translation>le fichier a un en-tête mais aucune ligne de produit</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="15"/>
        <source>deposit</source>
        <translation>consigne</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="16"/>
        <source>duplicate sku {sku} (already on line {line})</source>
        <translation>réf. {sku} en double (déjà à la ligne {line})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="17"/>
        <source>the file is empty (expected a header line)</source>
        <translation>le fichier est vide (une ligne d&apos;en-tête est attendue)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="18"/>
        <source>not valid UTF-8 text: save the file as UTF-8</source>
        <translation>texte UTF-8 non valide : enregistrez le fichier en UTF-8</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="19"/>
        <source>barcode {code} was turned into a number by a spreadsheet: format the column as text and type the digits again</source>
        <translation>un tableur a changé le code-barres {code} en nombre : mettez la colonne au format texte et retapez les chiffres</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="20"/>
        <source>barcode {code!r} must be 8, 12, 13 or 14 digits (EAN-8, UPC-A, EAN-13, GTIN-14)</source>
        <translation>le code-barres {code!r} doit avoir 8, 12, 13 ou 14 chiffres (EAN-8, UPC-A, EAN-13, GTIN-14)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="21"/>
        <source>barcode {code} ends in {last} but its check digit is {expected}: mistyped?</source>
        <translation>le code-barres {code} finit par {last} mais sa clé de contrôle est {expected} : faute de frappe ?</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="22"/>
        <source>label {label!r} already belongs to product {sku} (not in this file)</source>
        <translation>l&apos;étiquette {label!r} appartient déjà au produit {sku} (absent de ce fichier)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="23"/>
        <source>barcode {barcode} already belongs to product {sku}</source>
        <translation>le code-barres {barcode} appartient déjà au produit {sku}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="24"/>
        <source>price</source>
        <translation>prix</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="25"/>
        <source>tax rate</source>
        <translation>taux de TVA</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="26"/>
        <source>{what} {text!r} must be one of true/false/yes/no/1/0</source>
        <translation>{what} {text!r} : doit valoir true/false/yes/no/1/0</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="27"/>
        <source>{what} {text!r} is not a number (write it like 2.49)</source>
        <translation>{what} {text!r} : ce n&apos;est pas un nombre (écrivez par ex. 2.49)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="28"/>
        <source>{what} {text!r} is negative</source>
        <translation>{what} {text!r} : valeur négative</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="29"/>
        <source>{what} {text!r} has {places} decimals; at most {decimals} allowed</source>
        <translation>{what} {text!r} : {places} décimales ; {decimals} au maximum</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="30"/>
        <source>{what} {text!r} is implausibly large</source>
        <translation>{what} {text!r} anormalement élevé</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="31"/>
        <source>tax rate {text!r} is above 100 %</source>
        <translation>taux de TVA {text!r} supérieur à 100 %</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="32"/>
        <source>{file}: not a picture this kiosk can read (jpg, png, webp, bmp)</source>
        <translation>{file} : image illisible par cette borne (jpg, png, webp, bmp)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="33"/>
        <source>picture {cell!r} not found in {folder}</source>
        <translation>image {cell!r} introuvable dans {folder}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="34"/>
        <source>picture {cell!r} not found next to the CSV file ({csv}) or in {folder}</source>
        <translation>image {cell!r} introuvable à côté du fichier CSV ({csv}) ou dans {folder}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="35"/>
        <source>the last day {last} is before the first {first}</source>
        <translation>le dernier jour {last} précède le premier {first}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="36"/>
        <source>{folder} is not a folder (is the USB stick still in?)</source>
        <translation>{folder} n&apos;est pas un dossier (la clé USB est-elle toujours branchée ?)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="37"/>
        <source>could not write {path}: {problem}</source>
        <translation>impossible d&apos;écrire {path} : {problem}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="38"/>
        <source>Wrong PIN: {attempts} attempts left.</source>
        <translation>Code PIN erroné : encore {attempts} essais.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="39"/>
        <source>Too many wrong PINs: the PIN pad is locked until {time}. Wait until then, or ask a manager.</source>
        <translation>Trop de codes PIN erronés : la saisie du code PIN est bloquée jusqu&apos;à {time}. Patientez jusque-là ou demandez à un gérant.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="40"/>
        <source>Wrong PIN. The PIN pad is now locked.</source>
        <translation>Code PIN erroné. La saisie du code PIN est bloquée.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="41"/>
        <source>Wrong PIN: 1 attempt left.</source>
        <translation>Code PIN erroné : encore 1 essai.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="42"/>
        <source>{name} is in your basket already: the camera counts it.</source>
        <translation>{name} est déjà dans votre panier : la caméra le compte.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="43"/>
        <source>{name} cannot be sold just now. Please press Help.</source>
        <translation>{name} ne peut pas être vendu pour le moment. Appuyez sur Aide.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="44"/>
        <source>This label&apos;s product ({number}) is not in the store&apos;s catalog. Please press Help.</source>
        <translation>Le produit de cette étiquette ({number}) n&apos;est pas au catalogue du magasin. Appuyez sur Aide.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="45"/>
        <source>Packs worth this much are sold by staff. Please press Help.</source>
        <translation>Les paquets de ce montant sont vendus par le personnel. Appuyez sur Aide.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="46"/>
        <source>That is {count} packs with this label already. Please press Help.</source>
        <translation>Cela fait déjà {count} paquets avec cette étiquette. Appuyez sur Aide.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="47"/>
        <source>Added: {name}, {price}.</source>
        <translation>Ajouté : {name}, {price}.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="48"/>
        <source>Added: {name}.</source>
        <translation>Ajouté : {name}.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="49"/>
        <source>Your payment went through; saving the sale is taking longer ({problem}).</source>
        <translation>Votre paiement est accepté ; l&apos;enregistrement de la vente prend plus de temps ({problem}).</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="50"/>
        <source>The receipt printer is not working. Please ask staff for receipt {receipt}.</source>
        <translation>L&apos;imprimante à tickets ne fonctionne pas. Demandez le ticket {receipt} à un employé.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="51"/>
        <source>{name} is signed in.</source>
        <translation>Session ouverte : {name}.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="52"/>
        <source>{staff} added {quantity} × {name} ({sku})</source>
        <translation>{staff} a ajouté {quantity} × {name} ({sku})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="53"/>
        <source>{staff} removed {quantity} × {name} ({sku})</source>
        <translation>{staff} a retiré {quantity} × {name} ({sku})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="54"/>
        <source>{staff} took bottle voucher {code} out</source>
        <translation>{staff} a retiré le bon de consigne {code}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="55"/>
        <source>{staff} approved the basket{checked}{accepted}</source>
        <translation>{staff} a validé le panier{checked}{accepted}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="56"/>
        <source> (age check: {items})</source>
        <translation> (contrôle de l&apos;âge : {items})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="57"/>
        <source> (accepted: {items})</source>
        <translation> (acceptés : {items})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="58"/>
        <source>This voucher was redeemed already (receipt {receipt}).</source>
        <translation>Ce bon a déjà été utilisé (ticket {receipt}).</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="59"/>
        <source>Bottle voucher taken: {amount} off.</source>
        <translation>Bon de consigne accepté : {amount} de moins.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="60"/>
        <source>The voucher was taken out of the basket.</source>
        <translation>Le bon a été retiré du panier.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="61"/>
        <source>it did not load (the kiosk&apos;s log says why)</source>
        <translation>il ne s&apos;est pas chargé (le journal de la borne indique pourquoi)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="62"/>
        <source>the file is missing</source>
        <translation>le fichier est absent</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="63"/>
        <source>the file is not a readable ONNX model (damaged, or cut short?)</source>
        <translation>le fichier n&apos;est pas un modèle ONNX lisible (endommagé ou tronqué ?)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="64"/>
        <source>it is not a detection model this kiosk can read</source>
        <translation>ce n&apos;est pas un modèle de détection lisible par cette borne</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="65"/>
        <source>its input is not one camera picture</source>
        <translation>son entrée n&apos;est pas une image de caméra unique</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="66"/>
        <source>it does not name its labels or picture size</source>
        <translation>il n&apos;indique ni ses étiquettes ni sa taille d&apos;image</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="67"/>
        <source>the processor it asks for is not usable on this PC</source>
        <translation>le processeur demandé n&apos;est pas utilisable sur ce PC</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="68"/>
        <source>it cannot be used as it is</source>
        <translation>il n&apos;est pas utilisable en l&apos;état</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="69"/>
        <source>This is not one of the store&apos;s price labels.</source>
        <translation>Ce n&apos;est pas une étiquette de prix du magasin.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="70"/>
        <source>The label&apos;s number did not read correctly. Please try again.</source>
        <translation>Le numéro de l&apos;étiquette a été mal lu. Veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="71"/>
        <source>This label shows no price. Please press Help.</source>
        <translation>Cette étiquette n&apos;indique aucun prix. Appuyez sur Aide.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="72"/>
        <source>the store&apos;s name is empty</source>
        <translation>le nom du magasin est vide</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="73"/>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="74"/>
        <source>foot</source>
        <translation>pied du ticket</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="75"/>
        <source>the VAT ID has more than {most} characters</source>
        <translation>le n° de TVA dépasse {most} caractères</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="76"/>
        <source>the name has {n} characters; a receipt line holds {width}</source>
        <translation>le nom fait {n} caractères ; une ligne de ticket en contient {width}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="77"/>
        <source>the {what} has {n} lines; a receipt takes {most}</source>
        <translation>le champ « {what} » fait {n} lignes ; un ticket en accepte {most}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="78"/>
        <source>line {number} of the {what} has {n} characters; a receipt line holds {width}</source>
        <translation>la ligne {number} du champ « {what} » fait {n} caractères ; une ligne de ticket en contient {width}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="79"/>
        <source>This is not one of the store&apos;s bottle vouchers.</source>
        <translation>Ce n&apos;est pas un bon de consigne du magasin.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="80"/>
        <source>The voucher&apos;s number did not read correctly. Please try again.</source>
        <translation>Le numéro du bon a été mal lu. Veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="81"/>
        <source>This voucher is worth nothing.</source>
        <translation>Ce bon ne vaut rien.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="82"/>
        <source>Vouchers worth this much are taken by staff. Please press Help.</source>
        <translation>Les bons de ce montant sont repris par le personnel. Appuyez sur Aide.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="83"/>
        <source>cashier</source>
        <translation>caissier</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="84"/>
        <source>supervisor</source>
        <translation>responsable</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="85"/>
        <source>manager</source>
        <translation>gérant</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="86"/>
        <source>a supervisor or manager changes products and prices</source>
        <translation>seul un responsable ou un gérant modifie les produits et les prix</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="87"/>
        <source>a supervisor or manager changes products and their pictures</source>
        <translation>seul un responsable ou un gérant modifie les produits et leurs images</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="88"/>
        <source>a supervisor or manager teaches the camera products</source>
        <translation>seul un responsable ou un gérant apprend des produits à la caméra</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="89"/>
        <source>a supervisor or manager imports prices</source>
        <translation>seul un responsable ou un gérant importe les prix</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="90"/>
        <source>a supervisor or manager exports the catalog</source>
        <translation>seul un responsable ou un gérant exporte le catalogue</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="91"/>
        <source>a supervisor or manager exports the sales</source>
        <translation>seul un responsable ou un gérant exporte les ventes</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="92"/>
        <source>a supervisor or manager backs up the catalog</source>
        <translation>seul un responsable ou un gérant sauvegarde le catalogue</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="93"/>
        <source>a supervisor or manager copies the views</source>
        <translation>seul un responsable ou un gérant copie les vues</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="94"/>
        <source>a manager installs recognition models</source>
        <translation>seul un gérant installe les modèles de reconnaissance</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="95"/>
        <source>a supervisor or manager sets up offers</source>
        <translation>seul un responsable ou un gérant crée les offres</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="96"/>
        <source>a supervisor or manager ends offers</source>
        <translation>seul un responsable ou un gérant met fin aux offres</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="97"/>
        <source>a supervisor or manager settles payments</source>
        <translation>seul un responsable ou un gérant règle les paiements</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="98"/>
        <source>a manager changes the store&apos;s details</source>
        <translation>seul un gérant modifie les infos du magasin</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="99"/>
        <source>a manager manages staff accounts</source>
        <translation>seul un gérant gère les comptes du personnel</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="100"/>
        <source>a supervisor or manager reads the audit log</source>
        <translation>seul un responsable ou un gérant consulte le journal des modifications</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="101"/>
        <source>the kiosk&apos;s catalog is not open; restart the kiosk</source>
        <translation>le catalogue de la borne n&apos;est pas ouvert ; redémarrez la borne</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="102"/>
        <source>the picture {name} was written but cannot be read back</source>
        <translation>l&apos;image {name} a été écrite mais ne peut pas être relue</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="103"/>
        <source>the camera has not delivered a picture yet; try again in a moment</source>
        <translation>la caméra n&apos;a pas encore fourni d&apos;image ; réessayez dans un instant</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="104"/>
        <source>no product with sku {sku!r} in the catalog</source>
        <translation>aucun produit de réf. {sku!r} dans le catalogue</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="105"/>
        <source>clear the counter and press The counter is empty first</source>
        <translation>videz le plateau et appuyez d&apos;abord sur « Le plateau est vide »</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="106"/>
        <source>nothing to train on yet: no views taken, no corrections kept</source>
        <translation>rien à entraîner pour l&apos;instant : aucune vue prise, aucune correction conservée</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="107"/>
        <source>cannot write {path}: {problem}</source>
        <translation>impossible d&apos;écrire {path} : {problem}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="108"/>
        <source>the kiosk&apos;s checkout is not running; restart the kiosk</source>
        <translation>la caisse de la borne ne fonctionne pas ; redémarrez la borne</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="109"/>
        <source>{name} is a {role}: {rule}</source>
        <translation>{name} a le rôle {role} : {rule}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="110"/>
        <source>no staff account named {name!r}</source>
        <translation>aucun compte du personnel nommé {name!r}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="111"/>
        <source>line {line}: {reason}</source>
        <translation>ligne {line} : {reason}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="112"/>
        <source>{file} has {count} bad rows; nothing was imported. {rows}</source>
        <translation>{file} contient {count} lignes erronées ; rien n&apos;a été importé. {rows}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="113"/>
        <source>{name} is the only active manager: add another manager first</source>
        <translation>{name} est le seul gérant actif : ajoutez d&apos;abord un autre gérant</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="114"/>
        <source>and {count} more</source>
        <translation>et {count} autres</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="115"/>
        <source>camera reconnecting</source>
        <translation>caméra en reconnexion</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="116"/>
        <source>camera failed</source>
        <translation>caméra en panne</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="117"/>
        <source>camera ended</source>
        <translation>caméra arrêtée</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="118"/>
        <source>no picture from the camera for {seconds} s</source>
        <translation>aucune image de la caméra depuis {seconds} s</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="119"/>
        <source>{state}: {reason}</source>
        <translation>{state} : {reason}</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../admin/correct_dialog.py" line="49"/>
        <source>Correct the items</source>
        <translation>Corriger les articles</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="61"/>
        <source>Take out what the camera read wrongly, add what it missed. Each change is listed on the sale and kept with the counter&apos;s picture to teach the model.</source>
        <translation>Retirez ce que la caméra a mal lu, ajoutez ce qu&apos;elle a manqué. Chaque modification figure sur la vente et est conservée avec l&apos;image du plateau pour entraîner le modèle.</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="77"/>
        <source>Nothing in the basket.</source>
        <translation>Le panier est vide.</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="80"/>
        <source>Find a product: name or SKU</source>
        <translation>Chercher un produit : nom ou réf.</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="90"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="93"/>
        <source>In the basket</source>
        <translation>Dans le panier</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="97"/>
        <source>Add one (tap)</source>
        <translation>Ajouter 1 (toucher)</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="151"/>
        <source> (added by staff)</source>
        <translation> (ajouté par le personnel)</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="154"/>
        <source>Remove one</source>
        <translation>Retirer 1</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../messages.py" line="21"/>
        <source>Please take your items from the counter.</source>
        <translation>Veuillez reprendre vos articles sur le plateau.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="22"/>
        <source>Age-restricted items need a staff check. Please press Help.</source>
        <translation>Certains articles nécessitent un contrôle de l&apos;âge par un employé. Appuyez sur Aide.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="23"/>
        <source>The items on the counter changed, so payment was cancelled. Please check.</source>
        <translation>Les articles sur le plateau ont changé : le paiement a été annulé. Veuillez vérifier.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="26"/>
        <source>Thank you! Please take your items and your receipt.</source>
        <translation>Merci ! N&apos;oubliez pas vos articles et votre ticket.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="27"/>
        <source>Please follow the instructions on the card terminal.</source>
        <translation>Veuillez suivre les instructions du terminal de paiement.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="28"/>
        <source>A member of staff is on the way.</source>
        <translation>Un employé arrive.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="29"/>
        <source>Cancelling payment…</source>
        <translation>Annulation du paiement…</translation>
    </message>
    <message>
        <location filename="../messages.py" line="30"/>
        <source>Payment approved. Saving your receipt…</source>
        <translation>Paiement accepté. Enregistrement de votre ticket…</translation>
    </message>
    <message>
        <location filename="../messages.py" line="31"/>
        <source>Payment did not go through.</source>
        <translation>Le paiement n&apos;a pas abouti.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="32"/>
        <source>Payment cancelled.</source>
        <translation>Paiement annulé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="33"/>
        <source>The card was declined. Try another card or call for help.</source>
        <translation>Carte refusée. Essayez une autre carte ou appelez un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="34"/>
        <source>The terminal did not answer in time. Please try again.</source>
        <translation>Le terminal n&apos;a pas répondu à temps. Veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="35"/>
        <source>The basket was cancelled. Please take your items.</source>
        <translation>Le panier a été annulé. Veuillez reprendre vos articles.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="36"/>
        <source>Please turn the marked item label up, or call for help.</source>
        <translation>Retournez l&apos;article signalé, étiquette vers le haut, ou appelez un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="37"/>
        <source>The marked item is not sold here. Take it away or call for help.</source>
        <translation>L&apos;article signalé n&apos;est pas vendu ici. Retirez-le ou appelez un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="38"/>
        <source>Please move the marked items apart.</source>
        <translation>Veuillez écarter les articles signalés.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>Something on the counter is not one of our products. If it is yours, please take it away; to buy it, scan its barcode or call for help.</source>
        <translation>Quelque chose sur le plateau n’est pas l’un de nos produits. S’il vous appartient, retirez-le ; pour l’acheter, scannez son code-barres ou appelez un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="44"/>
        <source>The sale could not be prepared, so no money was taken. Please try again.</source>
        <translation>La vente n&apos;a pas pu être préparée : aucun montant n&apos;a été débité. Veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="47"/>
        <source>The kiosk cannot save sales right now, so no money was taken. Please call for help.</source>
        <translation>La caisse ne peut pas enregistrer de vente pour l&apos;instant : aucun montant n&apos;a été débité. Appelez un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>The card terminal is not available. Please call for help.</source>
        <translation>Le terminal de paiement est indisponible. Appelez un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>We could not confirm your payment. Please wait here: staff will check it.</source>
        <translation>Nous n&apos;avons pas pu confirmer votre paiement. Patientez ici : un employé va vérifier.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>Now place your items on the counter: the voucher comes off their total.</source>
        <translation>Posez maintenant vos articles : le bon sera déduit de leur total.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="58"/>
        <source>The bottle vouchers are worth as much as your items or more. Add items, or press Help.</source>
        <translation>Les bons de consigne valent autant que vos articles ou plus. Ajoutez des articles ou appuyez sur Aide.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="62"/>
        <source>This kiosk does not take bottle vouchers. Please hand it in at a staffed till.</source>
        <translation>Cette caisse ne prend pas les bons de consigne. Présentez-le à une caisse avec personnel.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="66"/>
        <source>This voucher is already in your basket.</source>
        <translation>Ce bon est déjà dans votre panier.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="67"/>
        <source>This voucher is being used at another checkout right now.</source>
        <translation>Ce bon est en cours d&apos;utilisation à une autre caisse.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="68"/>
        <source>A voucher in your basket was just used at another checkout. Please take it out, or press Help.</source>
        <translation>Un bon de votre panier vient d&apos;être utilisé à une autre caisse. Retirez-le ou appuyez sur Aide.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="73"/>
        <source>The voucher could not be checked just now. Please try again, or press Help.</source>
        <translation>Le bon n&apos;a pas pu être vérifié. Réessayez ou appuyez sur Aide.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="76"/>
        <source>This barcode is not one of the store&apos;s products. Please press Help.</source>
        <translation>Ce code-barres n&apos;est celui d&apos;aucun produit du magasin. Appuyez sur Aide.</translation>
    </message>
</context>
<context>
    <name>EnrolTab</name>
    <message>
        <location filename="../admin/enrol_tab.py" line="57"/>
        <source>1. The counter is empty</source>
        <translation>1. Le plateau est vide</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="59"/>
        <source>2. Take a view</source>
        <translation>2. Prendre une vue</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="61"/>
        <source>Start over</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="70"/>
        <source>Remove the chosen view</source>
        <translation>Supprimer la vue choisie</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="74"/>
        <source>Copy for training to a USB stick…</source>
        <translation>Copier sur clé USB pour l&apos;entraînement…</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="79"/>
        <source>Copy the views and corrections into a folder</source>
        <translation>Copier les vues et corrections dans un dossier</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="83"/>
        <source>Install a trained model…</source>
        <translation>Installer un modèle entraîné…</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="87"/>
        <source>Install a recognition model</source>
        <translation>Installer un modèle de reconnaissance</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="89"/>
        <source>ONNX model (*.onnx)</source>
        <translation>Modèle ONNX (*.onnx)</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="92"/>
        <source>Back to the model before</source>
        <translation>Revenir au modèle précédent</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="96"/>
        <location filename="../admin/enrol_tab.py" line="178"/>
        <location filename="../admin/enrol_tab.py" line="201"/>
        <source>no view yet</source>
        <translation>aucune vue</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="102"/>
        <source>For a product the camera does not know yet. Clear the counter and press 1. Put the product down and press 2; turn it over or around, move it, and press 2 again: %1 or more views, every side that can face up, in different places. Then copy the views to a USB stick, train a model with them on a PC (README: Enrol your own products) and install it here from the stick.</source>
        <translation>Pour un produit que la caméra ne connaît pas encore. Videz le plateau et appuyez sur 1. Posez le produit et appuyez sur 2 ; retournez-le ou faites-le pivoter, déplacez-le et appuyez de nouveau sur 2 : %1 vues ou plus, chaque face qui peut se trouver dessus, à différents endroits. Copiez ensuite les vues sur une clé USB, entraînez un modèle avec sur un PC (README : Enrol your own products) et installez-le ici depuis la clé.</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="113"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="114"/>
        <source>Its longest side</source>
        <translation>Son plus grand côté</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="224"/>
        <source>%1 views of %2 so far, in %3.</source>
        <translation>%1 vues de %2 jusqu&apos;ici, dans %3.</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="227"/>
        <source>Clear the counter and press 1 first.</source>
        <translation>Videz le plateau et appuyez d&apos;abord sur 1.</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="229"/>
        <source>Take %1 or more.</source>
        <translation>Prenez-en %1 ou plus.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../header.py" line="93"/>
        <source>Self-checkout</source>
        <translation>Caisse automatique</translation>
    </message>
    <message>
        <location filename="../header.py" line="94"/>
        <source>No barcodes needed: the camera recognises your items</source>
        <translation>Sans code-barres : la caméra reconnaît vos articles</translation>
    </message>
    <message>
        <location filename="../header.py" line="96"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../header.py" line="97"/>
        <location filename="../header.py" line="98"/>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <location filename="../header.py" line="99"/>
        <source>Larger text</source>
        <translation>Texte agrandi</translation>
    </message>
    <message>
        <location filename="../header.py" line="100"/>
        <source>Voice</source>
        <translation>Voix</translation>
    </message>
    <message>
        <location filename="../header.py" line="101"/>
        <location filename="../header.py" line="102"/>
        <source>Spoken guidance</source>
        <translation>Guidage vocal</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../kiosk_window.py" line="144"/>
        <location filename="../kiosk_window.py" line="385"/>
        <source>Self-checkout</source>
        <translation>Caisse automatique</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="295"/>
        <source>Cancel help</source>
        <translation>Annuler l&apos;aide</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="295"/>
        <location filename="../kiosk_window.py" line="383"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="382"/>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="384"/>
        <source>Bottle voucher</source>
        <translation>Bon de consigne</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="393"/>
        <source>No picture from the camera</source>
        <translation>Pas d&apos;image de la caméra</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="393"/>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
</context>
<context>
    <name>OffersTab</name>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Now</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="48"/>
        <source>End the chosen offer</source>
        <translation>Terminer l&apos;offre choisie</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="57"/>
        <source>Type part of the name or SKU</source>
        <translation>Tapez une partie du nom ou la réf.</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="60"/>
        <source>pay for</source>
        <translation>payez</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="60"/>
        <source>for the price</source>
        <translation>au prix de</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="65"/>
        <source>until</source>
        <translation>jusqu&apos;au</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="69"/>
        <source>Add offer</source>
        <translation>Créer l&apos;offre</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="77"/>
        <source>buy</source>
        <translation>achetez</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="82"/>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="131"/>
        <source>%1 to %2</source>
        <translation>%1 au %2</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="133"/>
        <source>from %1</source>
        <translation>dès le %1</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="135"/>
        <source>until %1</source>
        <translation>jusqu&apos;au %1</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="136"/>
        <source>always</source>
        <translation>toujours</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="139"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="139"/>
        <source>not yet</source>
        <translation>à venir</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="140"/>
        <source>over</source>
        <translation>terminée</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="145"/>
        <source>Choose an offer first.</source>
        <translation>Choisissez d&apos;abord une offre.</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="158"/>
        <source>Choose a product from the list first.</source>
        <translation>Choisissez d&apos;abord un produit dans la liste.</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../screens.py" line="318"/>
        <source>This checkout is closed</source>
        <translation>Cette caisse est fermée</translation>
    </message>
    <message>
        <location filename="../screens.py" line="319"/>
        <source>Sorry! Please use another checkout or ask a member of staff.</source>
        <translation>Désolé ! Utilisez une autre caisse ou adressez-vous à un employé.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="320"/>
        <source>The kiosk is trying to restart by itself…</source>
        <translation>La borne tente de redémarrer automatiquement…</translation>
    </message>
    <message>
        <location filename="../screens.py" line="321"/>
        <source>For staff: %1</source>
        <translation>Pour le personnel : %1</translation>
    </message>
</context>
<context>
    <name>PayingPanel</name>
    <message>
        <location filename="../screens.py" line="151"/>
        <source>Please pay</source>
        <translation>Veuillez payer</translation>
    </message>
    <message>
        <location filename="../screens.py" line="152"/>
        <source>Tap, insert or swipe your card on the terminal.</source>
        <translation>Approchez, insérez ou glissez votre carte sur le terminal.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="153"/>
        <source>Cancel payment</source>
        <translation>Annuler le paiement</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>Sale key</source>
        <translation>Clé de vente</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="40"/>
        <source>Every payment started is accounted for.</source>
        <translation>Tous les paiements lancés sont réglés.</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="42"/>
        <source>the terminal&apos;s reference</source>
        <translation>référence du terminal</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="43"/>
        <source>Paid at the terminal</source>
        <translation>Payé au terminal</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="44"/>
        <source>Not paid</source>
        <translation>Non payé</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="50"/>
        <source>Look the sale key up in the card terminal&apos;s journal. Paid: type its reference and record the sale. Not taken: close it.</source>
        <translation>Cherchez la clé de vente dans le journal du terminal de paiement. Payé : saisissez sa référence et enregistrez la vente. Non débité : clôturez-la.</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="79"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="79"/>
        <source>not settled yet</source>
        <translation>pas encore réglé</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="94"/>
        <source>type the terminal&apos;s reference first</source>
        <translation>saisissez d&apos;abord la référence du terminal</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../admin/pin_dialog.py" line="72"/>
        <source>Staff PIN</source>
        <translation>Code PIN personnel</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="73"/>
        <source>Staff: enter your PIN</source>
        <translation>Personnel : votre code PIN</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="74"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="75"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="101"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
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
        <translation>%1 + %2 de consigne</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="134"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="134"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="138"/>
        <source>18+</source>
        <translation>18+</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="139"/>
        <source>loose</source>
        <translation>vrac</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="144"/>
        <source>added on the screen</source>
        <translation>ajouté à l&apos;écran</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="148"/>
        <source>sold by its scale&apos;s label</source>
        <translation>vendu par l&apos;étiquette de la balance</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="149"/>
        <source>not recognised</source>
        <translation>non reconnu</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="149"/>
        <source>scanned by its barcode</source>
        <translation>scanné par son code-barres</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="158"/>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="159"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="160"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="161"/>
        <source>Tax</source>
        <translation>TVA</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="162"/>
        <source>On sale</source>
        <translation>En vente</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="163"/>
        <source>Recognised as</source>
        <translation>Reconnu comme</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <location filename="../admin/products_tab.py" line="208"/>
        <source>Search: part of the name, the SKU, a label, or scan the barcode</source>
        <translation>Recherche : partie du nom, SKU, étiquette, ou scannez le code-barres</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="232"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="233"/>
        <source>On sale</source>
        <translation>En vente</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="234"/>
        <source>Age checked by staff (18+)</source>
        <translation>Âge contrôlé par le personnel (18+)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="235"/>
        <source>Sold loose, by count</source>
        <translation>Vendu en vrac, à la pièce</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="236"/>
        <source>Added by the shopper on the screen (bags)</source>
        <translation>Ajouté par le client à l&apos;écran (sacs)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="240"/>
        <source>Take from the camera</source>
        <translation>Prendre avec la caméra</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="244"/>
        <source>No picture</source>
        <translation>Pas d&apos;image</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="251"/>
        <source>New product</source>
        <translation>Nouveau produit</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="253"/>
        <source>Import a CSV file…</source>
        <translation>Importer un CSV…</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="255"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="258"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="260"/>
        <source>Back to the list</source>
        <translation>Retour à la liste</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="271"/>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="272"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="273"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="274"/>
        <source>Tax rate</source>
        <translation>Taux de TVA</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="275"/>
        <source>Deposit (bottles, cans)</source>
        <translation>Consigne (bouteilles, canettes)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="276"/>
        <source>Barcode number</source>
        <translation>Numéro du code-barres</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="286"/>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="288"/>
        <source>The camera recognises it as:</source>
        <translation>La caméra le reconnaît comme :</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="310"/>
        <source>Import a catalog CSV file</source>
        <translation>Importer un fichier CSV de catalogue</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="310"/>
        <source>Catalog CSV (*.csv)</source>
        <translation>CSV de catalogue (*.csv)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="315"/>
        <source>Export the catalog into a folder</source>
        <translation>Exporter le catalogue dans un dossier</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="414"/>
        <source>A new product: its SKU cannot be changed once saved.</source>
        <translation>Nouveau produit : sa réf. ne pourra plus être modifiée après enregistrement.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="456"/>
        <source>(reading)</source>
        <translation>(lecture)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="456"/>
        <source>no picture</source>
        <translation>pas d&apos;image</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="468"/>
        <source>Picture cut out against the empty counter noted under Teach the camera. Save to keep it.</source>
        <translation>Image détourée d&apos;après le plateau vide enregistré dans « Apprendre à la caméra ». Enregistrez pour la garder.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="471"/>
        <source>Picture taken of the item on the counter. Save to keep it.</source>
        <translation>Image prise de l&apos;article sur le plateau. Enregistrez pour la garder.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="473"/>
        <source>Several items on the counter: took the one nearest the middle. Save to keep it.</source>
        <translation>Plusieurs articles sur le plateau : celui le plus au centre a été pris. Enregistrez pour la garder.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="476"/>
        <source>The camera recognises nothing there: took the middle of the counter. Save to keep it.</source>
        <translation>La caméra n&apos;y reconnaît rien : le centre du plateau a été pris. Enregistrez pour la garder.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="509"/>
        <source>now %1</source>
        <translation>actuellement %1</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="511"/>
        <source>not in the running model</source>
        <translation>absent du modèle actuel</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="537"/>
        <source>Choose a product first.</source>
        <translation>Choisissez d&apos;abord un produit.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="542"/>
        <source>A product needs a SKU and a name.</source>
        <translation>Un produit doit avoir une réf. et un nom.</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <location filename="../screens.py" line="202"/>
        <source>Thank you!</source>
        <translation>Merci !</translation>
    </message>
    <message>
        <location filename="../screens.py" line="203"/>
        <source>Scan with your phone to keep this receipt</source>
        <translation>Scannez avec votre téléphone pour garder ce ticket</translation>
    </message>
    <message>
        <location filename="../screens.py" line="204"/>
        <source>Please take your items and your card. Goodbye!</source>
        <translation>N&apos;oubliez pas vos articles et votre carte. Au revoir !</translation>
    </message>
    <message>
        <location filename="../screens.py" line="205"/>
        <source>Receipt %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <location filename="../screens.py" line="207"/>
        <source>Try printing again</source>
        <translation>Relancer l&apos;impression</translation>
    </message>
    <message>
        <location filename="../screens.py" line="208"/>
        <source>Print receipt</source>
        <translation>Imprimer le ticket</translation>
    </message>
    <message>
        <location filename="../screens.py" line="211"/>
        <source>Printing your receipt…</source>
        <translation>Impression de votre ticket…</translation>
    </message>
    <message>
        <location filename="../screens.py" line="212"/>
        <source>Please take your receipt from the printer.</source>
        <translation>Prenez votre ticket à l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="213"/>
        <source>The printer is not working. Ask staff for receipt %1.</source>
        <translation>L&apos;imprimante ne fonctionne pas. Demandez le ticket %1 à un employé.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="256"/>
        <source>Deposit</source>
        <translation>Consigne</translation>
    </message>
    <message>
        <location filename="../screens.py" line="256"/>
        <source>Bottle voucher</source>
        <translation>Bon de consigne</translation>
    </message>
    <message>
        <location filename="../screens.py" line="271"/>
        <source>You saved</source>
        <translation>Vos économies</translation>
    </message>
</context>
<context>
    <name>RefundTab</name>
    <message>
        <location filename="../admin/refund_tab.py" line="40"/>
        <source>Receipt number, e.g. K1-000042</source>
        <translation>N° de ticket, ex. K1-000042</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="41"/>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="42"/>
        <source>Print a copy</source>
        <translation>Réimprimer</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <source>Can go back</source>
        <translation>Remboursable</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <location filename="../admin/refund_tab.py" line="52"/>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="49"/>
        <source>Reason (for the books)</source>
        <translation>Motif (pour la comptabilité)</translation>
    </message>
</context>
<context>
    <name>SalesTab</name>
    <message>
        <location filename="../admin/sales_tab.py" line="47"/>
        <source>◀ Day before</source>
        <translation>◀ Veille</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="48"/>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="49"/>
        <source>Day after ▶</source>
        <translation>Lendemain ▶</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="50"/>
        <source>Back up to a USB stick…</source>
        <translation>Sauvegarder sur clé USB…</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="52"/>
        <source>Export the day…</source>
        <translation>Exporter le jour…</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="55"/>
        <source>Export the month…</source>
        <translation>Exporter le mois…</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="58"/>
        <source>Print the day&apos;s report</source>
        <translation>Imprimer le rapport du jour</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="105"/>
        <source>Export the sales into a folder</source>
        <translation>Exporter les ventes dans un dossier</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="112"/>
        <source>Back up the catalog and sales into a folder</source>
        <translation>Sauvegarder le catalogue et les ventes dans un dossier</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="125"/>
        <source>Sales today</source>
        <translation>Ventes du jour</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="127"/>
        <source>Sales on %1</source>
        <translation>Ventes du %1</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="131"/>
        <source>Takings</source>
        <translation>Recettes</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="131"/>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Tax</source>
        <translation>TVA</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="131"/>
        <source>Discounts</source>
        <translation>Remises</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="132"/>
        <source>Deposits</source>
        <translation>Consignes</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="138"/>
        <source>Bottle vouchers</source>
        <translation>Bons de consigne</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="163"/>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="163"/>
        <source>Net takings</source>
        <translation>Recettes nettes</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Net</source>
        <translation>HT</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Gross</source>
        <translation>TTC</translation>
    </message>
</context>
<context>
    <name>ScreenItemsBar</name>
    <message>
        <location filename="../screen_items.py" line="50"/>
        <source>Add to your basket</source>
        <translation>Ajouter au panier</translation>
    </message>
</context>
<context>
    <name>ShopperVoice</name>
    <message>
        <location filename="../voice.py" line="44"/>
        <source>Spoken guidance is on.</source>
        <translation>Le guidage vocal est activé.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="71"/>
        <source>%1, %2 plus %4 deposit.</source>
        <translation>%1, %2 plus %4 de consigne.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="73"/>
        <source>%3 × %1, %2 each plus %4 deposit each.</source>
        <translation>%3 × %1, %2 l&apos;unité plus %4 de consigne l&apos;unité.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="77"/>
        <source>%1, %2.</source>
        <translation>%1, %2.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="77"/>
        <source>%3 × %1, %2 each.</source>
        <translation>%3 × %1, %2 l&apos;unité.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="85"/>
        <source>Bottle voucher: %1 off.</source>
        <translation>Bon de consigne : %1 de moins.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="94"/>
        <source>Total: %1.</source>
        <translation>Total : %1.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="101"/>
        <source>Items in your basket: %1.</source>
        <translation>Articles dans votre panier : %1.</translation>
    </message>
</context>
<context>
    <name>StaffFlow</name>
    <message>
        <location filename="../staff.py" line="149"/>
        <source>Staff: enter your PIN</source>
        <translation>Personnel : votre code PIN</translation>
    </message>
    <message>
        <location filename="../staff.py" line="193"/>
        <source>Wrong PIN.</source>
        <translation>Code PIN erroné.</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <location filename="../admin/staff_menu.py" line="22"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="24"/>
        <source>Signed in: %1</source>
        <translation>Connecté : %1</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="34"/>
        <source>Approve age check and marked items</source>
        <translation>Valider l&apos;âge et les articles signalés</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="35"/>
        <source>Correct the items</source>
        <translation>Corriger les articles</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="36"/>
        <source>Take the bottle vouchers out</source>
        <translation>Retirer les bons de consigne</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="37"/>
        <source>Cancel this basket</source>
        <translation>Annuler ce panier</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="38"/>
        <source>Admin: prices, sales, receipts, refunds</source>
        <translation>Gestion : prix, ventes, tickets, remboursements</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="39"/>
        <source>Close the kiosk</source>
        <translation>Fermer la borne</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="40"/>
        <source>Done: back to the shopper</source>
        <translation>Terminé : retour au client</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="64"/>
        <source>The card terminal never confirmed this basket&apos;s payment. Look up sale key %1 in the terminal&apos;s journal. Paid: record it (Admin, Payments to check) and cancel this basket. Not paid: close it there, press Done, and the shopper pays again.</source>
        <translation>Le terminal de paiement n&apos;a jamais confirmé le paiement de ce panier. Cherchez la clé de vente %1 dans le journal du terminal. Payé : enregistrez-le (Gestion, Paiements à vérifier) et annulez ce panier. Non payé : clôturez-le sur le terminal, appuyez sur Terminé, et le client paie à nouveau.</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <location filename="../admin/staff_tab.py" line="40"/>
        <location filename="../admin/staff_tab.py" line="75"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="40"/>
        <location filename="../admin/staff_tab.py" line="76"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="40"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="42"/>
        <source>Add a staff member</source>
        <translation>Ajouter un employé</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="50"/>
        <source>May sign in (a disabled account stays on record)</source>
        <translation>Peut se connecter (un compte désactivé reste archivé)</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="51"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="53"/>
        <source>Back to the list</source>
        <translation>Retour à la liste</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="67"/>
        <source>cashier: age checks, help, marked items</source>
        <translation>caissier : contrôle de l&apos;âge, aide, articles signalés</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="68"/>
        <source>supervisor: also prices, offers, refunds</source>
        <translation>responsable : aussi prix, offres, remboursements</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="69"/>
        <source>manager: also staff accounts</source>
        <translation>gérant : aussi comptes du personnel</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="77"/>
        <source>PIN (4 to 8 digits)</source>
        <translation>Code PIN (4 à 8 chiffres)</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="78"/>
        <source>The PIN again</source>
        <translation>Répéter le code PIN</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="93"/>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="93"/>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="119"/>
        <source>A new account: the PIN opens the staff pad from now on.</source>
        <translation>Nouveau compte : ce code PIN ouvre désormais le pavé du personnel.</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="133"/>
        <source>Leave the PIN empty to keep the present one.</source>
        <translation>Laissez le code PIN vide pour garder l&apos;actuel.</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="145"/>
        <source>The two PINs differ: type the new PIN twice.</source>
        <translation>Les deux codes PIN diffèrent : saisissez deux fois le nouveau code PIN.</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="151"/>
        <source>A new account needs a name and a PIN.</source>
        <translation>Un nouveau compte doit avoir un nom et un code PIN.</translation>
    </message>
</context>
<context>
    <name>StoreTab</name>
    <message>
        <location filename="../admin/store_tab.py" line="47"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="64"/>
        <source>Store name</source>
        <translation>Nom du magasin</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="65"/>
        <source>Address (one line each)</source>
        <translation>Adresse (une info par ligne)</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="66"/>
        <source>VAT ID</source>
        <translation>N° de TVA</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="67"/>
        <source>Foot of the receipt</source>
        <translation>Pied du ticket</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="71"/>
        <source>On every receipt, refund slip and day report from now on, at most %1 characters a line and %2 lines each for the address and the foot. An empty foot prints a thank-you.</source>
        <translation>Désormais sur chaque ticket, bon de remboursement et rapport du jour : au plus %1 caractères par ligne et %2 lignes chacun pour l&apos;adresse et le pied. Un pied vide imprime un remerciement.</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="91"/>
        <source>The receipt&apos;s head and foot</source>
        <translation>En-tête et pied du ticket</translation>
    </message>
</context>
<context>
    <name>VoucherDialog</name>
    <message>
        <location filename="../voucher.py" line="76"/>
        <location filename="../voucher.py" line="77"/>
        <source>Bottle voucher</source>
        <translation>Bon de consigne</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="79"/>
        <source>Scan the voucher&apos;s barcode, or type the number printed under it.</source>
        <translation>Scannez le code-barres du bon ou tapez le numéro imprimé dessous.</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="81"/>
        <source>In your basket:</source>
        <translation>Dans votre panier :</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="83"/>
        <source>Take out</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="84"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="85"/>
        <source>Add voucher</source>
        <translation>Ajouter le bon</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../screens.py" line="121"/>
        <source>Welcome!</source>
        <translation>Bienvenue !</translation>
    </message>
    <message>
        <location filename="../screens.py" line="123"/>
        <source>Place your items flat on the counter, side by side.</source>
        <translation>Posez vos articles à plat sur le plateau, côte à côte.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="124"/>
        <source>Check your items and the total on this screen.</source>
        <translation>Vérifiez vos articles et le total sur cet écran.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="125"/>
        <source>Tap Pay and use the card terminal.</source>
        <translation>Appuyez sur Payer et utilisez le terminal de paiement.</translation>
    </message>
</context>
<context>
    <name>usb</name>
    <message>
        <location filename="../admin/usb.py" line="50"/>
        <source>{title} (no USB stick found)</source>
        <translation>{title} (aucune clé USB trouvée)</translation>
    </message>
</context>
</TS>
