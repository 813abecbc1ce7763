<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>Please turn the marked item so its label faces up, or call for help.</source>
        <translation>Gire el artículo marcado para que se vea la etiqueta o pida ayuda.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="97"/>
        <source>Please move the marked items apart.</source>
        <translation>Separe los artículos marcados, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="99"/>
        <source>We do not recognise the marked item. Please call for help.</source>
        <translation>No reconocemos el artículo marcado. Pida ayuda, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="102"/>
        <source>Something on the counter is not one of our products. If it is yours, please take it away; to buy it, scan its barcode or call for help.</source>
        <translation>Hay algo en el mostrador que no es uno de nuestros productos. Si es suyo, retírelo; para comprarlo, escanee su código de barras o pida ayuda.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="105"/>
        <source>The marked item cannot be sold here. Please call for help.</source>
        <translation>El artículo marcado no se puede vender aquí. Pida ayuda, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="111"/>
        <source>Move apart</source>
        <translation>Sepárelos</translation>
    </message>
    <message>
        <location filename="../messages.py" line="113"/>
        <source>Turn over?</source>
        <translation>¿Girar?</translation>
    </message>
    <message>
        <location filename="../messages.py" line="115"/>
        <source>Not recognised</source>
        <translation>No reconocido</translation>
    </message>
    <message>
        <location filename="../messages.py" line="116"/>
        <source>Unknown item</source>
        <translation>Artículo desconocido</translation>
    </message>
    <message>
        <location filename="../messages.py" line="141"/>
        <source>Place your items on the counter to start.</source>
        <translation>Coloque sus artículos en el mostrador para empezar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="149"/>
        <source>Scanning your items… please keep them apart.</source>
        <translation>Reconociendo sus artículos… manténgalos separados.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="151"/>
        <source>All items recognised. Tap Pay when you are ready.</source>
        <translation>Todos los artículos reconocidos. Pulse Pagar cuando esté listo.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="154"/>
        <source>Staff member %1 is helping you.</source>
        <translation>%1, del personal, le está ayudando.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="157"/>
        <source>Help is on the way. A member of staff will be with you shortly.</source>
        <translation>La ayuda está en camino. Un empleado le atenderá enseguida.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="159"/>
        <source>Payment in progress. Please follow the card terminal.</source>
        <translation>Pago en curso. Siga las instrucciones del terminal de tarjetas.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="161"/>
        <source>Payment approved. Please take your items. Thank you!</source>
        <translation>Pago aceptado. Recoja sus artículos. ¡Gracias!</translation>
    </message>
    <message>
        <location filename="../messages.py" line="169"/>
        <source>Age check needed: a member of staff will come to approve.</source>
        <translation>Se necesita comprobar la edad: un empleado vendrá a aprobarlo.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="171"/>
        <source>Please call for help.</source>
        <translation>Pida ayuda, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="175"/>
        <source>This checkout is closed. Please use another checkout.</source>
        <translation>Esta caja está cerrada. Use otra caja, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="179"/>
        <source>Sorry, something went wrong. Please call for help.</source>
        <translation>Lo sentimos, algo ha fallado. Pida ayuda, por favor.</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="33"/>
        <source>Wrong PIN. The PIN pad is now locked.</source>
        <translation>PIN incorrecto. El teclado PIN queda bloqueado.</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="34"/>
        <source>Wrong PIN. %n attempt(s) left.</source>
        <translation>PIN incorrecto. Quedan %n intento(s).</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="37"/>
        <source>Too many wrong PINs. Locked until %1.</source>
        <translation>Demasiados PIN incorrectos. Bloqueado hasta las %1.</translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../admin/panel.py" line="58"/>
        <source>Store admin</source>
        <translation>Administración de la tienda</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="98"/>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="102"/>
        <source>Receipts and refunds</source>
        <translation>Recibos y devoluciones</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="107"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="263"/>
        <source>Could not do that: %1</source>
        <translation>No se pudo hacer: %1</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="299"/>
        <source>Copied %1 views of %2 products and %3 new corrections to %4.</source>
        <translation>Copiadas %1 vistas de %2 productos y %3 correcciones nuevas en %4.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="316"/>
        <source>Report printed.</source>
        <translation>Informe impreso.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="100"/>
        <source>Offers</source>
        <translation>Ofertas</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="99"/>
        <source>Teach the camera</source>
        <translation>Enseñar a la cámara</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="101"/>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="103"/>
        <source>Payments to check</source>
        <translation>Pagos a revisar</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="104"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="105"/>
        <source>Store</source>
        <translation>Tienda</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="106"/>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="270"/>
        <source>The empty counter is noted.</source>
        <translation>Anotado el mostrador vacío.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="275"/>
        <source>View %1 of %2 taken.</source>
        <translation>Vista %1 de %2 tomada.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="280"/>
        <source>The views were removed.</source>
        <translation>Se quitaron las vistas.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="283"/>
        <source>The view was removed.</source>
        <translation>Se quitó la vista.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="289"/>
        <source>Exported %1 products to %2, their pictures beside it.</source>
        <translation>Exportados %1 productos a %2, con sus fotos al lado.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="308"/>
        <source>Backed up to %1 (%2 sales, %3 products; checked), %4 new pictures.</source>
        <translation>Copia guardada en %1 (%2 ventas, %3 productos; comprobada), %4 fotos nuevas.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="316"/>
        <source>The report was not printed: %1</source>
        <translation>El informe no se imprimió: %1</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="319"/>
        <source>Copy printed.</source>
        <translation>Copia impresa.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="319"/>
        <source>The copy was not printed: %1</source>
        <translation>La copia no se imprimió: %1</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="329"/>
        <source>Saved: receipts print it from now on.</source>
        <translation>Guardado: los recibos lo imprimen a partir de ahora.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="333"/>
        <source>Account added.</source>
        <translation>Cuenta añadida.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="336"/>
        <source>Account saved.</source>
        <translation>Cuenta guardada.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="339"/>
        <source>Offer added.</source>
        <translation>Oferta añadida.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="342"/>
        <source>Offer ended.</source>
        <translation>Oferta terminada.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="348"/>
        <source>Recognition model: %1 (%2 labels)</source>
        <translation>Modelo de reconocimiento: %1 (%2 etiquetas)</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="354"/>
        <source>The installed %1 did not load on this kiosk, so this one stays: %2. Install another model or go back to the one before.</source>
        <translation>El %1 instalado no se pudo cargar en este quiosco, así que sigue este: %2. Instale otro modelo o vuelva al anterior.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="360"/>
        <source>%1 takes over when the counter is empty.</source>
        <translation>%1 lo sustituye cuando el mostrador quede vacío.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="373"/>
        <source>%1 is already the model in use.</source>
        <translation>%1 ya es el modelo en uso.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="376"/>
        <source>Installed %1 (%2 labels): the kiosk switches to it the next time the counter is empty.</source>
        <translation>Instalado %1 (%2 etiquetas): el quiosco pasa a usarlo la próxima vez que el mostrador esté vacío.</translation>
    </message>
    <message numerus="yes">
        <location filename="../admin/panel.py" line="384"/>
        <source>It does not recognise %n product(s) on sale: staff add them by hand.</source>
        <translation>
            <numerusform>No reconoce %n producto en venta: el personal lo añade a mano.</numerusform>
            <numerusform>No reconoce %n productos en venta: el personal los añade a mano.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="388"/>
        <source>Labels of products off sale: %1.</source>
        <translation>Etiquetas de productos fuera de venta: %1.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="393"/>
        <source>But the settings name a model file (%1) and the kiosk runs that one.</source>
        <translation>Pero la configuración indica un archivo de modelo (%1) y el quiosco usa ese.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="400"/>
        <source>Back to %1 (instead of %2): the kiosk switches the next time the counter is empty.</source>
        <translation>De vuelta a %1 (en lugar de %2): el quiosco cambia la próxima vez que el mostrador esté vacío.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="410"/>
        <source>Recorded sale %1 (%2).</source>
        <translation>Venta %1 registrada (%2).</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="414"/>
        <source>Closed as not paid (%1).</source>
        <translation>Cerrado como no pagado (%1).</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="437"/>
        <source>Imported: %1 new, %2 changed, %3 as they were.</source>
        <translation>Importado: %1 nuevos, %2 cambiados, %3 sin cambios.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="442"/>
        <source>The file was read as Windows-1252 (Excel&apos;s plain CSV): check the names with accents.</source>
        <translation>El archivo se leyó como Windows-1252 (CSV simple de Excel): revise los nombres con acentos.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="446"/>
        <source>Scale labels stored as their product&apos;s number: %1.</source>
        <translation>Etiquetas de báscula guardadas como el número de su producto: %1.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="459"/>
        <source>Added %1.</source>
        <translation>Añadido %1.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="459"/>
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="462"/>
        <source>%1 is no longer recognised as %2.</source>
        <translation>%1 ya no se reconoce como %2.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="478"/>
        <source>Refunded %1 (%2). Give it back by %3.</source>
        <translation>Devuelto %1 (%2). Devuélvalo por %3.</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="490"/>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <location filename="../admin/panel.py" line="495"/>
        <source>Exported the sales of %1 to %4 and %5 (receipts: %2, refunds: %3).</source>
        <translation>Ventas exportadas (%1) a %4 y %5 (recibos: %2, devoluciones: %3).</translation>
    </message>
</context>
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../basket_model.py" line="137"/>
        <source>Bottle voucher</source>
        <translation>Vale de envases</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="141"/>
        <source>Deposit</source>
        <translation>Depósito</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="159"/>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="159"/>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <location filename="../basket_model.py" line="159"/>
        <source>Price</source>
        <translation>Precio</translation>
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
        <translation>Sus artículos</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="129"/>
        <source>No items yet</source>
        <translation>Aún no hay artículos</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="131"/>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="132"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="141"/>
        <source>of which tax</source>
        <translation>impuestos incluidos</translation>
    </message>
    <message>
        <location filename="../basket_panel.py" line="141"/>
        <source>Tax</source>
        <translation>Impuestos</translation>
    </message>
    <message numerus="yes">
        <location filename="../basket_panel.py" line="145"/>
        <source>Your items (%n)</source>
        <translation>
            <numerusform>Sus artículos (%n)</numerusform>
            <numerusform>Sus artículos (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesTab</name>
    <message>
        <location filename="../admin/changes_tab.py" line="27"/>
        <source>All changes</source>
        <translation>Todos los cambios</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="28"/>
        <source>Products and prices</source>
        <translation>Productos y precios</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="29"/>
        <source>Offers</source>
        <translation>Ofertas</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="30"/>
        <source>Staff at the counter</source>
        <translation>Personal en la caja</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="31"/>
        <source>Refunds</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="32"/>
        <source>Sales exported</source>
        <translation>Ventas exportadas</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="33"/>
        <source>Payments settled</source>
        <translation>Pagos resueltos</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="34"/>
        <source>Staff accounts</source>
        <translation>Cuentas del personal</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="35"/>
        <source>Store details</source>
        <translation>Datos de la tienda</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="36"/>
        <source>Recognition models</source>
        <translation>Modelos de reconocimiento</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="42"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="47"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="75"/>
        <source>The newest %1 shown; `kiosk audit` reads them all.</source>
        <translation>Se muestran los %1 más recientes; `kiosk audit` los lee todos.</translation>
    </message>
    <message>
        <location filename="../admin/changes_tab.py" line="79"/>
        <source>No changes of this kind recorded.</source>
        <translation>No hay cambios de este tipo registrados.</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="core_texts.py" line="7"/>
        <source>cannot back up {source} to {folder}: {problem}</source>
        <translation>no se puede copiar {source} en {folder}: {problem}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="8"/>
        <source>sku is empty</source>
        <translation>el sku está vacío</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="9"/>
        <source>name is empty</source>
        <translation>el nombre está vacío</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="10"/>
        <source>has {values} values, the header has {columns}{missing}</source>
        <translation>tiene {values} valores y la cabecera {columns}{missing}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="11"/>
        <source>barcode {barcode} is already used on line {line}</source>
        <translation>el código de barras {barcode} ya está en la línea {line}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="12"/>
        <source>label {label!r} is already used on line {line}</source>
        <translation>la etiqueta {label!r} ya se usa en la línea {line}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="13"/>
        <source> (missing {columns})</source>
        <translation> (faltan {columns})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="14"/>
        <source>the file has a header but no product rows</source>
        <translation>el archivo tiene cabecera pero ninguna fila de producto</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="15"/>
        <source>deposit</source>
        <translation>depósito</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="16"/>
        <source>duplicate sku {sku} (already on line {line})</source>
        <translation>sku {sku} repetido (ya está en la línea {line})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="17"/>
        <source>the file is empty (expected a header line)</source>
        <translation>el archivo está vacío (se esperaba una línea de cabecera)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="18"/>
        <source>not valid UTF-8 text: save the file as UTF-8</source>
        <translation>no es texto UTF-8 válido: guarde el archivo como UTF-8</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="19"/>
        <source>barcode {code} was turned into a number by a spreadsheet: format the column as text and type the digits again</source>
        <translation>una hoja de cálculo convirtió el código de barras {code} en un número: dé formato de texto a la columna y vuelva a escribir los dígitos</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="20"/>
        <source>barcode {code!r} must be 8, 12, 13 or 14 digits (EAN-8, UPC-A, EAN-13, GTIN-14)</source>
        <translation>el código de barras {code!r} debe tener 8, 12, 13 o 14 dígitos (EAN-8, UPC-A, EAN-13, GTIN-14)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="21"/>
        <source>barcode {code} ends in {last} but its check digit is {expected}: mistyped?</source>
        <translation>el código de barras {code} termina en {last} pero su dígito de control es {expected}: ¿mal escrito?</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="22"/>
        <source>label {label!r} already belongs to product {sku} (not in this file)</source>
        <translation>la etiqueta {label!r} ya pertenece al producto {sku} (que no está en este archivo)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="23"/>
        <source>barcode {barcode} already belongs to product {sku}</source>
        <translation>el código de barras {barcode} ya es del producto {sku}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="24"/>
        <source>price</source>
        <translation>precio</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="25"/>
        <source>tax rate</source>
        <translation>tipo de IVA</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="26"/>
        <source>{what} {text!r} must be one of true/false/yes/no/1/0</source>
        <translation>{what} {text!r} debe ser true/false/yes/no/1/0</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="27"/>
        <source>{what} {text!r} is not a number (write it like 2.49)</source>
        <translation>{what} {text!r} no es un número (escríbalo como 2.49)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="28"/>
        <source>{what} {text!r} is negative</source>
        <translation>{what} {text!r} es negativo</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="29"/>
        <source>{what} {text!r} has {places} decimals; at most {decimals} allowed</source>
        <translation>{what} {text!r} tiene {places} decimales; se admiten como mucho {decimals}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="31"/>
        <source>tax rate {text!r} is above 100 %</source>
        <translation>el tipo de IVA {text!r} pasa del 100 %</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="32"/>
        <source>{file}: not a picture this kiosk can read (jpg, png, webp, bmp)</source>
        <translation>{file}: no es una imagen que este quiosco pueda leer (jpg, png, webp, bmp)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="33"/>
        <source>picture {cell!r} not found in {folder}</source>
        <translation>no se encuentra la foto {cell!r} en {folder}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="34"/>
        <source>picture {cell!r} not found next to the CSV file ({csv}) or in {folder}</source>
        <translation>no se encuentra la foto {cell!r} junto al archivo CSV ({csv}) ni en {folder}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="35"/>
        <source>the last day {last} is before the first {first}</source>
        <translation>el último día {last} es anterior al primero {first}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="36"/>
        <source>{folder} is not a folder (is the USB stick still in?)</source>
        <translation>{folder} no es una carpeta (¿sigue puesta la memoria USB?)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="37"/>
        <source>could not write {path}: {problem}</source>
        <translation>no se pudo escribir {path}: {problem}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="38"/>
        <source>Wrong PIN: {attempts} attempts left.</source>
        <translation>PIN incorrecto: quedan {attempts} intentos.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="39"/>
        <source>Too many wrong PINs: the PIN pad is locked until {time}. Wait until then, or ask a manager.</source>
        <translation>Demasiados PIN incorrectos: el teclado PIN está bloqueado hasta las {time}. Espere hasta entonces o avise a un gerente.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="40"/>
        <source>Wrong PIN. The PIN pad is now locked.</source>
        <translation>PIN incorrecto. El teclado PIN queda bloqueado.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="41"/>
        <source>Wrong PIN: 1 attempt left.</source>
        <translation>PIN incorrecto: queda 1 intento.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="42"/>
        <source>{name} is in your basket already: the camera counts it.</source>
        <translation>{name} ya está en su cesta: la cámara lo cuenta.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="43"/>
        <source>{name} cannot be sold just now. Please press Help.</source>
        <translation>{name} no se puede vender ahora. Pulse Ayuda.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="44"/>
        <source>This label&apos;s product ({number}) is not in the store&apos;s catalog. Please press Help.</source>
        <translation>El producto de esta etiqueta ({number}) no está en el catálogo de la tienda. Pulse Ayuda.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="45"/>
        <source>Packs worth this much are sold by staff. Please press Help.</source>
        <translation>Los paquetes de este importe los vende el personal. Pulse Ayuda.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="46"/>
        <source>That is {count} packs with this label already. Please press Help.</source>
        <translation>Ya son {count} paquetes con esta etiqueta. Pulse Ayuda.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="47"/>
        <source>Added: {name}, {price}.</source>
        <translation>Añadido: {name}, {price}.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="48"/>
        <source>Added: {name}.</source>
        <translation>Añadido: {name}.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="49"/>
        <source>Your payment went through; saving the sale is taking longer ({problem}).</source>
        <translation>Su pago se ha realizado; guardar la venta está tardando más ({problem}).</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="50"/>
        <source>The receipt printer is not working. Please ask staff for receipt {receipt}.</source>
        <translation>La impresora de recibos no funciona. Pida al personal el recibo {receipt}.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="51"/>
        <source>{name} is signed in.</source>
        <translation>{name} ha iniciado sesión.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="52"/>
        <source>{staff} added {quantity} × {name} ({sku})</source>
        <translation>{staff} añadió {quantity} × {name} ({sku})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="53"/>
        <source>{staff} removed {quantity} × {name} ({sku})</source>
        <translation>{staff} quitó {quantity} × {name} ({sku})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="54"/>
        <source>{staff} took bottle voucher {code} out</source>
        <translation>{staff} quitó el vale de envases {code}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="55"/>
        <source>{staff} approved the basket{checked}{accepted}</source>
        <translation>{staff} aprobó la cesta{checked}{accepted}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="56"/>
        <source> (age check: {items})</source>
        <translation> (control de edad: {items})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="57"/>
        <source> (accepted: {items})</source>
        <translation> (aceptado: {items})</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="58"/>
        <source>This voucher was redeemed already (receipt {receipt}).</source>
        <translation>Este vale ya se canjeó (recibo {receipt}).</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="59"/>
        <source>Bottle voucher taken: {amount} off.</source>
        <translation>Vale de envases aceptado: {amount} menos.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="60"/>
        <source>The voucher was taken out of the basket.</source>
        <translation>El vale se quitó de la cesta.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="61"/>
        <source>it did not load (the kiosk&apos;s log says why)</source>
        <translation>no se pudo cargar (el registro del quiosco dice por qué)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="62"/>
        <source>the file is missing</source>
        <translation>falta el archivo</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="63"/>
        <source>the file is not a readable ONNX model (damaged, or cut short?)</source>
        <translation>el archivo no es un modelo ONNX legible (¿dañado o incompleto?)</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="64"/>
        <source>it is not a detection model this kiosk can read</source>
        <translation>no es un modelo de detección que este quiosco pueda leer</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="65"/>
        <source>its input is not one camera picture</source>
        <translation>su entrada no es una imagen de cámara</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="66"/>
        <source>it does not name its labels or picture size</source>
        <translation>no indica sus etiquetas ni el tamaño de imagen</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="67"/>
        <source>the processor it asks for is not usable on this PC</source>
        <translation>el procesador que pide no se puede usar en este PC</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="68"/>
        <source>it cannot be used as it is</source>
        <translation>no se puede usar tal como está</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="69"/>
        <source>This is not one of the store&apos;s price labels.</source>
        <translation>No es una etiqueta de precio de esta tienda.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="70"/>
        <source>The label&apos;s number did not read correctly. Please try again.</source>
        <translation>El número de la etiqueta no se leyó bien. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="71"/>
        <source>This label shows no price. Please press Help.</source>
        <translation>Esta etiqueta no muestra ningún precio. Pulse Ayuda.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="72"/>
        <source>the store&apos;s name is empty</source>
        <translation>el nombre de la tienda está vacío</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="73"/>
        <source>address</source>
        <translation>la dirección</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="74"/>
        <source>foot</source>
        <translation>el pie del recibo</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="75"/>
        <source>the VAT ID has more than {most} characters</source>
        <translation>el NIF/IVA tiene más de {most} caracteres</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="76"/>
        <source>the name has {n} characters; a receipt line holds {width}</source>
        <translation>el nombre tiene {n} caracteres; una línea de recibo admite {width}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="77"/>
        <source>the {what} has {n} lines; a receipt takes {most}</source>
        <translation>{what}: {n} líneas; un recibo admite {most}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="78"/>
        <source>line {number} of the {what} has {n} characters; a receipt line holds {width}</source>
        <translation>línea {number} de {what}: {n} caracteres; una línea de recibo admite {width}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="79"/>
        <source>This is not one of the store&apos;s bottle vouchers.</source>
        <translation>No es un vale de envases de esta tienda.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="80"/>
        <source>The voucher&apos;s number did not read correctly. Please try again.</source>
        <translation>El número del vale no se leyó bien. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="81"/>
        <source>This voucher is worth nothing.</source>
        <translation>Este vale no tiene valor.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="82"/>
        <source>Vouchers worth this much are taken by staff. Please press Help.</source>
        <translation>Los vales de este importe los acepta el personal. Pulse Ayuda.</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="83"/>
        <source>cashier</source>
        <translation>cajero</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="84"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="85"/>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="86"/>
        <source>a supervisor or manager changes products and prices</source>
        <translation>los productos y precios los cambia un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="87"/>
        <source>a supervisor or manager changes products and their pictures</source>
        <translation>los productos y sus fotos los cambia un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="88"/>
        <source>a supervisor or manager teaches the camera products</source>
        <translation>los productos se los enseña a la cámara un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="89"/>
        <source>a supervisor or manager imports prices</source>
        <translation>los precios los importa un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="90"/>
        <source>a supervisor or manager exports the catalog</source>
        <translation>el catálogo lo exporta un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="91"/>
        <source>a supervisor or manager exports the sales</source>
        <translation>las ventas las exporta un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="92"/>
        <source>a supervisor or manager backs up the catalog</source>
        <translation>la copia de seguridad la hace un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="93"/>
        <source>a supervisor or manager copies the views</source>
        <translation>las vistas las copia un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="94"/>
        <source>a manager installs recognition models</source>
        <translation>los modelos de reconocimiento los instala un gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="95"/>
        <source>a supervisor or manager sets up offers</source>
        <translation>las ofertas las crea un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="96"/>
        <source>a supervisor or manager ends offers</source>
        <translation>las ofertas las termina un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="97"/>
        <source>a supervisor or manager settles payments</source>
        <translation>los pagos los resuelve un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="98"/>
        <source>a manager changes the store&apos;s details</source>
        <translation>los datos de la tienda los cambia un gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="99"/>
        <source>a manager manages staff accounts</source>
        <translation>las cuentas del personal las gestiona un gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="100"/>
        <source>a supervisor or manager reads the audit log</source>
        <translation>el registro de cambios lo consulta un supervisor o gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="101"/>
        <source>the kiosk&apos;s catalog is not open; restart the kiosk</source>
        <translation>el catálogo del quiosco no está abierto; reinicie el quiosco</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="102"/>
        <source>the picture {name} was written but cannot be read back</source>
        <translation>la foto {name} se guardó pero no se puede volver a leer</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="103"/>
        <source>the camera has not delivered a picture yet; try again in a moment</source>
        <translation>la cámara aún no ha dado ninguna imagen; inténtelo de nuevo en un momento</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="104"/>
        <source>no product with sku {sku!r} in the catalog</source>
        <translation>no hay ningún producto con sku {sku!r} en el catálogo</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="105"/>
        <source>clear the counter and press The counter is empty first</source>
        <translation>primero despeje el mostrador y pulse El mostrador está vacío</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="106"/>
        <source>nothing to train on yet: no views taken, no corrections kept</source>
        <translation>aún no hay nada para entrenar: ni vistas tomadas ni correcciones guardadas</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="108"/>
        <source>the kiosk&apos;s checkout is not running; restart the kiosk</source>
        <translation>la caja del quiosco no está en marcha; reinicie el quiosco</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="109"/>
        <source>{name} is a {role}: {rule}</source>
        <translation>{name} tiene el rol de {role}: {rule}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="110"/>
        <source>no staff account named {name!r}</source>
        <translation>no hay ninguna cuenta del personal llamada {name!r}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="111"/>
        <source>line {line}: {reason}</source>
        <translation>línea {line}: {reason}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="112"/>
        <source>{file} has {count} bad rows; nothing was imported. {rows}</source>
        <translation>{file} tiene {count} filas erróneas; no se ha importado nada. {rows}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="107"/>
        <source>cannot write {path}: {problem}</source>
        <translation>no se puede escribir {path}: {problem}</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="30"/>
        <source>{what} {text!r} is implausibly large</source>
        <translation>{what} {text!r} es demasiado alto para ser real</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="113"/>
        <source>{name} is the only active manager: add another manager first</source>
        <translation>{name} es el único gerente activo: añada antes otro gerente</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="114"/>
        <source>and {count} more</source>
        <translation>y {count} más</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="115"/>
        <source>camera reconnecting</source>
        <translation>cámara reconectando</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="116"/>
        <source>camera failed</source>
        <translation>cámara averiada</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="117"/>
        <source>camera ended</source>
        <translation>cámara detenida</translation>
    </message>
    <message>
        <location filename="core_texts.py" line="118"/>
        <source>no picture from the camera for {seconds} s</source>
        <translation>ninguna imagen de la cámara desde hace {seconds} s</translation>
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
        <translation>Corregir los artículos</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="61"/>
        <source>Take out what the camera read wrongly, add what it missed. Each change is listed on the sale and kept with the counter&apos;s picture to teach the model.</source>
        <translation>Quite lo que la cámara leyó mal y añada lo que no vio. Cada cambio queda en la venta y se guarda con la foto del mostrador para enseñar al modelo.</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="77"/>
        <source>Nothing in the basket.</source>
        <translation>Nada en la cesta.</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="80"/>
        <source>Find a product: name or SKU</source>
        <translation>Buscar un producto: nombre o SKU</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="90"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="93"/>
        <source>In the basket</source>
        <translation>En la cesta</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="97"/>
        <source>Add one (tap)</source>
        <translation>Añadir uno (toque)</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="151"/>
        <source> (added by staff)</source>
        <translation> (añadido por el personal)</translation>
    </message>
    <message>
        <location filename="../admin/correct_dialog.py" line="154"/>
        <source>Remove one</source>
        <translation>Quitar uno</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../messages.py" line="21"/>
        <source>Please take your items from the counter.</source>
        <translation>Recoja sus artículos del mostrador, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="22"/>
        <source>Age-restricted items need a staff check. Please press Help.</source>
        <translation>Los artículos con restricción de edad requieren la comprobación de un empleado. Pulse Ayuda.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="23"/>
        <source>The items on the counter changed, so payment was cancelled. Please check.</source>
        <translation>Los artículos del mostrador han cambiado y se ha cancelado el pago. Compruébelos, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="26"/>
        <source>Thank you! Please take your items and your receipt.</source>
        <translation>¡Gracias! Recoja sus artículos y su recibo.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="27"/>
        <source>Please follow the instructions on the card terminal.</source>
        <translation>Siga las instrucciones del terminal de tarjetas.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="28"/>
        <source>A member of staff is on the way.</source>
        <translation>Un empleado viene en camino.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="29"/>
        <source>Cancelling payment…</source>
        <translation>Cancelando el pago…</translation>
    </message>
    <message>
        <location filename="../messages.py" line="30"/>
        <source>Payment approved. Saving your receipt…</source>
        <translation>Pago aceptado. Guardando su recibo…</translation>
    </message>
    <message>
        <location filename="../messages.py" line="31"/>
        <source>Payment did not go through.</source>
        <translation>El pago no se ha completado.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="32"/>
        <source>Payment cancelled.</source>
        <translation>Pago cancelado.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="33"/>
        <source>The card was declined. Try another card or call for help.</source>
        <translation>La tarjeta ha sido rechazada. Pruebe otra tarjeta o pida ayuda.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="34"/>
        <source>The terminal did not answer in time. Please try again.</source>
        <translation>El terminal no respondió a tiempo. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="35"/>
        <source>The basket was cancelled. Please take your items.</source>
        <translation>La compra se ha cancelado. Recoja sus artículos.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="36"/>
        <source>Please turn the marked item label up, or call for help.</source>
        <translation>Gire el artículo marcado con la etiqueta hacia arriba o pida ayuda.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="37"/>
        <source>The marked item is not sold here. Take it away or call for help.</source>
        <translation>El artículo marcado no se vende aquí. Retírelo o pida ayuda.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="38"/>
        <source>Please move the marked items apart.</source>
        <translation>Separe los artículos marcados, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>Something on the counter is not one of our products. If it is yours, please take it away; to buy it, scan its barcode or call for help.</source>
        <translation>Hay algo en el mostrador que no es uno de nuestros productos. Si es suyo, retírelo; para comprarlo, escanee su código de barras o pida ayuda.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="44"/>
        <source>The sale could not be prepared, so no money was taken. Please try again.</source>
        <translation>No se pudo preparar la venta, así que no se cobró nada. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="47"/>
        <source>The kiosk cannot save sales right now, so no money was taken. Please call for help.</source>
        <translation>El quiosco no puede guardar ventas ahora mismo, así que no se cobró nada. Pida ayuda, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>The card terminal is not available. Please call for help.</source>
        <translation>El terminal de tarjetas no está disponible. Pida ayuda, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>We could not confirm your payment. Please wait here: staff will check it.</source>
        <translation>No pudimos confirmar su pago. Espere aquí, por favor: el personal lo comprobará.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>Now place your items on the counter: the voucher comes off their total.</source>
        <translation>Ahora ponga sus artículos en el mostrador: el vale se descuenta del total.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="58"/>
        <source>The bottle vouchers are worth as much as your items or more. Add items, or press Help.</source>
        <translation>Los vales de envases valen tanto como sus artículos o más. Añada artículos o pulse Ayuda.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="62"/>
        <source>This kiosk does not take bottle vouchers. Please hand it in at a staffed till.</source>
        <translation>Esta caja no acepta vales de envases. Entréguelo en una caja atendida.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="66"/>
        <source>This voucher is already in your basket.</source>
        <translation>Este vale ya está en su cesta.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="67"/>
        <source>This voucher is being used at another checkout right now.</source>
        <translation>Este vale se está usando ahora en otra caja.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="68"/>
        <source>A voucher in your basket was just used at another checkout. Please take it out, or press Help.</source>
        <translation>Un vale de su cesta se acaba de usar en otra caja. Quítelo o pulse Ayuda.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="73"/>
        <source>The voucher could not be checked just now. Please try again, or press Help.</source>
        <translation>No se pudo comprobar el vale ahora. Inténtelo de nuevo o pulse Ayuda.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="76"/>
        <source>This barcode is not one of the store&apos;s products. Please press Help.</source>
        <translation>Este código de barras no es de ningún producto de la tienda. Pulse Ayuda.</translation>
    </message>
</context>
<context>
    <name>EnrolTab</name>
    <message>
        <location filename="../admin/enrol_tab.py" line="57"/>
        <source>1. The counter is empty</source>
        <translation>1. El mostrador está vacío</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="59"/>
        <source>2. Take a view</source>
        <translation>2. Tomar una vista</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="61"/>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="70"/>
        <source>Remove the chosen view</source>
        <translation>Quitar la vista elegida</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="74"/>
        <source>Copy for training to a USB stick…</source>
        <translation>Copiar para entrenar a un USB…</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="79"/>
        <source>Copy the views and corrections into a folder</source>
        <translation>Copiar las vistas y correcciones a una carpeta</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="83"/>
        <source>Install a trained model…</source>
        <translation>Instalar un modelo entrenado…</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="87"/>
        <source>Install a recognition model</source>
        <translation>Instalar un modelo de reconocimiento</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="89"/>
        <source>ONNX model (*.onnx)</source>
        <translation>Modelo ONNX (*.onnx)</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="92"/>
        <source>Back to the model before</source>
        <translation>Volver al modelo anterior</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="96"/>
        <location filename="../admin/enrol_tab.py" line="178"/>
        <location filename="../admin/enrol_tab.py" line="201"/>
        <source>no view yet</source>
        <translation>aún sin vistas</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="102"/>
        <source>For a product the camera does not know yet. Clear the counter and press 1. Put the product down and press 2; turn it over or around, move it, and press 2 again: %1 or more views, every side that can face up, in different places. Then copy the views to a USB stick, train a model with them on a PC (README: Enrol your own products) and install it here from the stick.</source>
        <translation>Para un producto que la cámara aún no conoce. Despeje el mostrador y pulse 1. Coloque el producto y pulse 2; déle la vuelta o gírelo, muévalo y pulse 2 otra vez: %1 o más vistas, cada cara que pueda quedar arriba, en distintos sitios. Después copie las vistas a un USB, entrene un modelo con ellas en un PC (README: Enrol your own products) e instálelo aquí desde el USB.</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="113"/>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="114"/>
        <source>Its longest side</source>
        <translation>Su lado más largo</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="224"/>
        <source>%1 views of %2 so far, in %3.</source>
        <translation>%1 vistas de %2 hasta ahora, en %3.</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="227"/>
        <source>Clear the counter and press 1 first.</source>
        <translation>Despeje el mostrador y pulse 1 primero.</translation>
    </message>
    <message>
        <location filename="../admin/enrol_tab.py" line="229"/>
        <source>Take %1 or more.</source>
        <translation>Tome %1 o más.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../header.py" line="93"/>
        <source>Self-checkout</source>
        <translation>Autopago</translation>
    </message>
    <message>
        <location filename="../header.py" line="94"/>
        <source>No barcodes needed: the camera recognises your items</source>
        <translation>Sin códigos de barras: la cámara reconoce sus artículos</translation>
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
        <translation>Alto contraste</translation>
    </message>
    <message>
        <location filename="../header.py" line="99"/>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location filename="../header.py" line="100"/>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <location filename="../header.py" line="101"/>
        <location filename="../header.py" line="102"/>
        <source>Spoken guidance</source>
        <translation>Guía hablada</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../kiosk_window.py" line="144"/>
        <location filename="../kiosk_window.py" line="385"/>
        <source>Self-checkout</source>
        <translation>Autopago</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="393"/>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="295"/>
        <source>Cancel help</source>
        <translation>Cancelar ayuda</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="295"/>
        <location filename="../kiosk_window.py" line="383"/>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="384"/>
        <source>Bottle voucher</source>
        <translation>Vale de envases</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="393"/>
        <source>No picture from the camera</source>
        <translation>La cámara no envía imagen</translation>
    </message>
    <message>
        <location filename="../kiosk_window.py" line="382"/>
        <source>Pay</source>
        <translation>Pagar</translation>
    </message>
</context>
<context>
    <name>OffersTab</name>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="46"/>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="48"/>
        <source>End the chosen offer</source>
        <translation>Terminar la oferta elegida</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="57"/>
        <source>Type part of the name or SKU</source>
        <translation>Escriba parte del nombre o del SKU</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="60"/>
        <source>pay for</source>
        <translation>paga</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="60"/>
        <source>for the price</source>
        <translation>por el precio</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="65"/>
        <source>until</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="69"/>
        <source>Add offer</source>
        <translation>Añadir oferta</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="77"/>
        <source>buy</source>
        <translation>compra</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="82"/>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="131"/>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="133"/>
        <source>from %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="135"/>
        <source>until %1</source>
        <translation>hasta %1</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="136"/>
        <source>always</source>
        <translation>siempre</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="139"/>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="139"/>
        <source>not yet</source>
        <translation>aún no</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="140"/>
        <source>over</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="145"/>
        <source>Choose an offer first.</source>
        <translation>Elija primero una oferta.</translation>
    </message>
    <message>
        <location filename="../admin/offers_tab.py" line="158"/>
        <source>Choose a product from the list first.</source>
        <translation>Elija primero un producto de la lista.</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../screens.py" line="318"/>
        <source>This checkout is closed</source>
        <translation>Esta caja está cerrada</translation>
    </message>
    <message>
        <location filename="../screens.py" line="319"/>
        <source>Sorry! Please use another checkout or ask a member of staff.</source>
        <translation>¡Lo sentimos! Use otra caja o pregunte a un empleado.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="320"/>
        <source>The kiosk is trying to restart by itself…</source>
        <translation>El quiosco está intentando reiniciarse solo…</translation>
    </message>
    <message>
        <location filename="../screens.py" line="321"/>
        <source>For staff: %1</source>
        <translation>Para el personal: %1</translation>
    </message>
</context>
<context>
    <name>PayingPanel</name>
    <message>
        <location filename="../screens.py" line="151"/>
        <source>Please pay</source>
        <translation>Pague, por favor</translation>
    </message>
    <message>
        <location filename="../screens.py" line="152"/>
        <source>Tap, insert or swipe your card on the terminal.</source>
        <translation>Acerque, inserte o deslice su tarjeta en el terminal.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="153"/>
        <source>Cancel payment</source>
        <translation>Cancelar pago</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>Sale key</source>
        <translation>Clave de venta</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="38"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="40"/>
        <source>Every payment started is accounted for.</source>
        <translation>Todos los pagos iniciados están aclarados.</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="42"/>
        <source>the terminal&apos;s reference</source>
        <translation>la referencia del terminal</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="43"/>
        <source>Paid at the terminal</source>
        <translation>Pagado en el terminal</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="44"/>
        <source>Not paid</source>
        <translation>No pagado</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="50"/>
        <source>Look the sale key up in the card terminal&apos;s journal. Paid: type its reference and record the sale. Not taken: close it.</source>
        <translation>Busque la clave de venta en el diario del terminal de tarjetas. Pagado: escriba su referencia y registre la venta. No cobrado: ciérrelo.</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="79"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="79"/>
        <source>not settled yet</source>
        <translation>aún sin aclarar</translation>
    </message>
    <message>
        <location filename="../admin/payments_tab.py" line="94"/>
        <source>type the terminal&apos;s reference first</source>
        <translation>escriba antes la referencia del terminal</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../admin/pin_dialog.py" line="72"/>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="73"/>
        <source>Staff: enter your PIN</source>
        <translation>Personal: introduzca su PIN</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="74"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="75"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../admin/pin_dialog.py" line="101"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
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
        <translation>%1 + %2 de depósito</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="134"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="134"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="138"/>
        <source>18+</source>
        <translation>+18</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="139"/>
        <source>loose</source>
        <translation>a granel</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="144"/>
        <source>added on the screen</source>
        <translation>se añade en la pantalla</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="148"/>
        <source>sold by its scale&apos;s label</source>
        <translation>se vende por la etiqueta de la báscula</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="149"/>
        <source>not recognised</source>
        <translation>no se reconoce</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="149"/>
        <source>scanned by its barcode</source>
        <translation>se escanea su código de barras</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="158"/>
        <source>SKU</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="159"/>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="160"/>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="161"/>
        <source>Tax</source>
        <translation>IVA</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="162"/>
        <source>On sale</source>
        <translation>A la venta</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="163"/>
        <source>Recognised as</source>
        <translation>Se reconoce como</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <location filename="../admin/products_tab.py" line="208"/>
        <source>Search: part of the name, the SKU, a label, or scan the barcode</source>
        <translation>Buscar: parte del nombre, el SKU, una etiqueta, o escanee el código de barras</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="232"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="233"/>
        <source>On sale</source>
        <translation>A la venta</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="234"/>
        <source>Age checked by staff (18+)</source>
        <translation>Edad comprobada por el personal (+18)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="235"/>
        <source>Sold loose, by count</source>
        <translation>Se vende a granel, por unidades</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="236"/>
        <source>Added by the shopper on the screen (bags)</source>
        <translation>El cliente lo añade en la pantalla (bolsas)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="240"/>
        <source>Take from the camera</source>
        <translation>Tomar de la cámara</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="244"/>
        <source>No picture</source>
        <translation>Sin foto</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="251"/>
        <source>New product</source>
        <translation>Nuevo producto</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="253"/>
        <source>Import a CSV file…</source>
        <translation>Importar un CSV…</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="255"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="258"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="260"/>
        <source>Back to the list</source>
        <translation>Volver a la lista</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="271"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="272"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="273"/>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="274"/>
        <source>Tax rate</source>
        <translation>Tipo de IVA</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="275"/>
        <source>Deposit (bottles, cans)</source>
        <translation>Depósito (botellas, latas)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="276"/>
        <source>Barcode number</source>
        <translation>Número del código de barras</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="286"/>
        <source>Picture</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="288"/>
        <source>The camera recognises it as:</source>
        <translation>La cámara lo reconoce como:</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="310"/>
        <source>Import a catalog CSV file</source>
        <translation>Importar un archivo CSV del catálogo</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="310"/>
        <source>Catalog CSV (*.csv)</source>
        <translation>CSV del catálogo (*.csv)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="315"/>
        <source>Export the catalog into a folder</source>
        <translation>Exportar el catálogo a una carpeta</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="414"/>
        <source>A new product: its SKU cannot be changed once saved.</source>
        <translation>Un producto nuevo: su SKU no se puede cambiar una vez guardado.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="456"/>
        <source>(reading)</source>
        <translation>(leyendo)</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="456"/>
        <source>no picture</source>
        <translation>sin foto</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="468"/>
        <source>Picture cut out against the empty counter noted under Teach the camera. Save to keep it.</source>
        <translation>Foto recortada contra el mostrador vacío anotado en Enseñar a la cámara. Guarde para conservarla.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="471"/>
        <source>Picture taken of the item on the counter. Save to keep it.</source>
        <translation>Foto tomada del artículo en el mostrador. Guarde para conservarla.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="473"/>
        <source>Several items on the counter: took the one nearest the middle. Save to keep it.</source>
        <translation>Varios artículos en el mostrador: se tomó el más cercano al centro. Guarde para conservarla.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="476"/>
        <source>The camera recognises nothing there: took the middle of the counter. Save to keep it.</source>
        <translation>La cámara no reconoce nada ahí: se tomó el centro del mostrador. Guarde para conservarla.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="509"/>
        <source>now %1</source>
        <translation>ahora %1</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="511"/>
        <source>not in the running model</source>
        <translation>no está en el modelo en uso</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="537"/>
        <source>Choose a product first.</source>
        <translation>Elija antes un producto.</translation>
    </message>
    <message>
        <location filename="../admin/products_tab.py" line="542"/>
        <source>A product needs a SKU and a name.</source>
        <translation>Un producto necesita un SKU y un nombre.</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <location filename="../screens.py" line="202"/>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <location filename="../screens.py" line="203"/>
        <source>Scan with your phone to keep this receipt</source>
        <translation>Escanee con su móvil para guardar este recibo</translation>
    </message>
    <message>
        <location filename="../screens.py" line="204"/>
        <source>Please take your items and your card. Goodbye!</source>
        <translation>Recoja sus artículos y su tarjeta. ¡Hasta pronto!</translation>
    </message>
    <message>
        <location filename="../screens.py" line="205"/>
        <source>Receipt %1</source>
        <translation>Recibo %1</translation>
    </message>
    <message>
        <location filename="../screens.py" line="207"/>
        <source>Try printing again</source>
        <translation>Intentar imprimir de nuevo</translation>
    </message>
    <message>
        <location filename="../screens.py" line="208"/>
        <source>Print receipt</source>
        <translation>Imprimir el recibo</translation>
    </message>
    <message>
        <location filename="../screens.py" line="211"/>
        <source>Printing your receipt…</source>
        <translation>Imprimiendo su recibo…</translation>
    </message>
    <message>
        <location filename="../screens.py" line="212"/>
        <source>Please take your receipt from the printer.</source>
        <translation>Recoja su recibo de la impresora.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="213"/>
        <source>The printer is not working. Ask staff for receipt %1.</source>
        <translation>La impresora no funciona. Pida al personal el recibo %1.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="256"/>
        <source>Deposit</source>
        <translation>Depósito</translation>
    </message>
    <message>
        <location filename="../screens.py" line="256"/>
        <source>Bottle voucher</source>
        <translation>Vale de envases</translation>
    </message>
    <message>
        <location filename="../screens.py" line="271"/>
        <source>You saved</source>
        <translation>Ha ahorrado</translation>
    </message>
</context>
<context>
    <name>RefundTab</name>
    <message>
        <location filename="../admin/refund_tab.py" line="40"/>
        <source>Receipt number, e.g. K1-000042</source>
        <translation>Número de recibo, p. ej. K1-000042</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="41"/>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="42"/>
        <source>Print a copy</source>
        <translation>Imprimir una copia</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <source>Can go back</source>
        <translation>Se puede devolver</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="44"/>
        <location filename="../admin/refund_tab.py" line="52"/>
        <source>Refund</source>
        <translation>Devolver</translation>
    </message>
    <message>
        <location filename="../admin/refund_tab.py" line="49"/>
        <source>Reason (for the books)</source>
        <translation>Motivo (para la contabilidad)</translation>
    </message>
</context>
<context>
    <name>SalesTab</name>
    <message>
        <location filename="../admin/sales_tab.py" line="47"/>
        <source>◀ Day before</source>
        <translation>◀ Día anterior</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="48"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="49"/>
        <source>Day after ▶</source>
        <translation>Día siguiente ▶</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="50"/>
        <source>Back up to a USB stick…</source>
        <translation>Copia de seguridad en USB…</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="52"/>
        <source>Export the day…</source>
        <translation>Exportar el día…</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="55"/>
        <source>Export the month…</source>
        <translation>Exportar el mes…</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="58"/>
        <source>Print the day&apos;s report</source>
        <translation>Imprimir el informe del día</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="105"/>
        <source>Export the sales into a folder</source>
        <translation>Exportar las ventas a una carpeta</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="112"/>
        <source>Back up the catalog and sales into a folder</source>
        <translation>Copia de seguridad del catálogo y las ventas en una carpeta</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="125"/>
        <source>Sales today</source>
        <translation>Ventas de hoy</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="127"/>
        <source>Sales on %1</source>
        <translation>Ventas del %1</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="131"/>
        <source>Takings</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="131"/>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Tax</source>
        <translation>Impuestos</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="131"/>
        <source>Discounts</source>
        <translation>Descuentos</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="132"/>
        <source>Deposits</source>
        <translation>Depósitos</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="138"/>
        <source>Bottle vouchers</source>
        <translation>Vales de envases</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="163"/>
        <source>Refunds</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="163"/>
        <source>Net takings</source>
        <translation>Ingresos netos</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Rate</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Net</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../admin/sales_tab.py" line="173"/>
        <source>Gross</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>ScreenItemsBar</name>
    <message>
        <location filename="../screen_items.py" line="50"/>
        <source>Add to your basket</source>
        <translation>Añadir a su cesta</translation>
    </message>
</context>
<context>
    <name>ShopperVoice</name>
    <message>
        <location filename="../voice.py" line="44"/>
        <source>Spoken guidance is on.</source>
        <translation>La guía hablada está activada.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="71"/>
        <source>%1, %2 plus %4 deposit.</source>
        <translation>%1, %2 más %4 de depósito.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="73"/>
        <source>%3 × %1, %2 each plus %4 deposit each.</source>
        <translation>%3 × %1, %2 cada uno más %4 de depósito cada uno.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="77"/>
        <source>%1, %2.</source>
        <translation>%1, %2.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="77"/>
        <source>%3 × %1, %2 each.</source>
        <translation>%3 × %1, %2 cada uno.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="85"/>
        <source>Bottle voucher: %1 off.</source>
        <translation>Vale de envases: %1 menos.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="94"/>
        <source>Total: %1.</source>
        <translation>Total: %1.</translation>
    </message>
    <message>
        <location filename="../voice.py" line="101"/>
        <source>Items in your basket: %1.</source>
        <translation>Artículos en su cesta: %1.</translation>
    </message>
</context>
<context>
    <name>StaffFlow</name>
    <message>
        <location filename="../staff.py" line="149"/>
        <source>Staff: enter your PIN</source>
        <translation>Personal: introduzca su PIN</translation>
    </message>
    <message>
        <location filename="../staff.py" line="193"/>
        <source>Wrong PIN.</source>
        <translation>PIN incorrecto.</translation>
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
        <translation>Sesión iniciada: %1</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="34"/>
        <source>Approve age check and marked items</source>
        <translation>Aprobar edad y artículos marcados</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="35"/>
        <source>Correct the items</source>
        <translation>Corregir los artículos</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="36"/>
        <source>Take the bottle vouchers out</source>
        <translation>Quitar los vales de envases</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="37"/>
        <source>Cancel this basket</source>
        <translation>Cancelar esta compra</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="38"/>
        <source>Admin: prices, sales, receipts, refunds</source>
        <translation>Gestión: precios, ventas, recibos, devoluciones</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="39"/>
        <source>Close the kiosk</source>
        <translation>Cerrar el quiosco</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="40"/>
        <source>Done: back to the shopper</source>
        <translation>Hecho: volver al cliente</translation>
    </message>
    <message>
        <location filename="../admin/staff_menu.py" line="64"/>
        <source>The card terminal never confirmed this basket&apos;s payment. Look up sale key %1 in the terminal&apos;s journal. Paid: record it (Admin, Payments to check) and cancel this basket. Not paid: close it there, press Done, and the shopper pays again.</source>
        <translation>El terminal de tarjetas no confirmó el pago de esta cesta. Busque la clave de venta %1 en el diario del terminal. Pagado: regístrelo (Gestión, Pagos a revisar) y cancele esta cesta. No pagado: ciérrelo allí, pulse Hecho y el cliente vuelve a pagar.</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <location filename="../admin/staff_tab.py" line="40"/>
        <location filename="../admin/staff_tab.py" line="75"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="40"/>
        <location filename="../admin/staff_tab.py" line="76"/>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="40"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="42"/>
        <source>Add a staff member</source>
        <translation>Añadir un empleado</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="50"/>
        <source>May sign in (a disabled account stays on record)</source>
        <translation>Puede identificarse (una cuenta desactivada queda registrada)</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="51"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="53"/>
        <source>Back to the list</source>
        <translation>Volver a la lista</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="67"/>
        <source>cashier: age checks, help, marked items</source>
        <translation>cajero: edad, ayuda, artículos marcados</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="68"/>
        <source>supervisor: also prices, offers, refunds</source>
        <translation>supervisor: además precios, ofertas, devoluciones</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="69"/>
        <source>manager: also staff accounts</source>
        <translation>gerente: además cuentas del personal</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="77"/>
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN (de 4 a 8 cifras)</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="78"/>
        <source>The PIN again</source>
        <translation>El PIN otra vez</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="93"/>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="93"/>
        <source>disabled</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="119"/>
        <source>A new account: the PIN opens the staff pad from now on.</source>
        <translation>Una cuenta nueva: el PIN abre el teclado del personal desde ahora.</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="133"/>
        <source>Leave the PIN empty to keep the present one.</source>
        <translation>Deje el PIN vacío para conservar el actual.</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="145"/>
        <source>The two PINs differ: type the new PIN twice.</source>
        <translation>Los dos PIN no coinciden: escriba el PIN nuevo dos veces.</translation>
    </message>
    <message>
        <location filename="../admin/staff_tab.py" line="151"/>
        <source>A new account needs a name and a PIN.</source>
        <translation>Una cuenta nueva necesita un nombre y un PIN.</translation>
    </message>
</context>
<context>
    <name>StoreTab</name>
    <message>
        <location filename="../admin/store_tab.py" line="47"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="64"/>
        <source>Store name</source>
        <translation>Nombre de la tienda</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="65"/>
        <source>Address (one line each)</source>
        <translation>Dirección (una línea cada vez)</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="66"/>
        <source>VAT ID</source>
        <translation>NIF/IVA</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="67"/>
        <source>Foot of the receipt</source>
        <translation>Pie del recibo</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="71"/>
        <source>On every receipt, refund slip and day report from now on, at most %1 characters a line and %2 lines each for the address and the foot. An empty foot prints a thank-you.</source>
        <translation>En cada recibo, justificante de devolución e informe del día a partir de ahora; como máximo %1 caracteres por línea y %2 líneas para la dirección y para el pie. Un pie vacío imprime un agradecimiento.</translation>
    </message>
    <message>
        <location filename="../admin/store_tab.py" line="91"/>
        <source>The receipt&apos;s head and foot</source>
        <translation>Cabecera y pie del recibo</translation>
    </message>
</context>
<context>
    <name>VoucherDialog</name>
    <message>
        <location filename="../voucher.py" line="76"/>
        <location filename="../voucher.py" line="77"/>
        <source>Bottle voucher</source>
        <translation>Vale de envases</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="79"/>
        <source>Scan the voucher&apos;s barcode, or type the number printed under it.</source>
        <translation>Escanee el código de barras del vale o escriba el número impreso debajo.</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="81"/>
        <source>In your basket:</source>
        <translation>En su cesta:</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="83"/>
        <source>Take out</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="84"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../voucher.py" line="85"/>
        <source>Add voucher</source>
        <translation>Añadir vale</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../screens.py" line="121"/>
        <source>Welcome!</source>
        <translation>¡Bienvenido!</translation>
    </message>
    <message>
        <location filename="../screens.py" line="123"/>
        <source>Place your items flat on the counter, side by side.</source>
        <translation>Coloque sus artículos planos en el mostrador, uno al lado de otro.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="124"/>
        <source>Check your items and the total on this screen.</source>
        <translation>Compruebe sus artículos y el total en esta pantalla.</translation>
    </message>
    <message>
        <location filename="../screens.py" line="125"/>
        <source>Tap Pay and use the card terminal.</source>
        <translation>Pulse Pagar y use el terminal de tarjetas.</translation>
    </message>
</context>
<context>
    <name>usb</name>
    <message>
        <location filename="../admin/usb.py" line="50"/>
        <source>{title} (no USB stick found)</source>
        <translation>{title} (no se encontró ninguna memoria USB)</translation>
    </message>
</context>
</TS>
