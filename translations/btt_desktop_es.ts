<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AddFlow</name>
    <message>
        <source>Add Torrent Files</source>
        <translation>Añadir archivos torrent</translation>
    </message>
    <message>
        <source>Torrent files (*.torrent);;All files (*)</source>
        <translation>Archivos torrent (*.torrent);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Downloading {url}…</source>
        <translation>Descargando {url}…</translation>
    </message>
    <message>
        <source>{name} is already in the list, with all the trackers of the new source.</source>
        <translation>{name} ya está en la lista, con todos los trackers de la nueva fuente.</translation>
    </message>
    <message>
        <source>{name} is already in the list; trackers are not merged into a private torrent.</source>
        <translation>{name} ya está en la lista; los trackers no se fusionan en un torrent privado.</translation>
    </message>
    <message>
        <source>Torrent Already in the List</source>
        <translation>El torrent ya está en la lista</translation>
    </message>
    <message>
        <source>{name} is already in the list. Merge trackers from the new source?</source>
        <translation>{name} ya está en la lista. ¿Fusionar los trackers de la nueva fuente?</translation>
    </message>
    <message>
        <source>New trackers: {urls}</source>
        <translation>Trackers nuevos: {urls}</translation>
    </message>
    <message>
        <source>Merge Trackers</source>
        <translation>Fusionar trackers</translation>
    </message>
    <message>
        <source>Don&apos;t Merge</source>
        <translation>No fusionar</translation>
    </message>
    <message>
        <source>{count} trackers merged into {name}</source>
        <translation>Trackers fusionados en {name}: {count}</translation>
    </message>
</context>
<context>
    <name>AddLinksDialog</name>
    <message>
        <source>Add Magnet Links or URLs</source>
        <translation>Añadir enlaces magnet o URL</translation>
    </message>
    <message>
        <source>One magnet link, info hash or .torrent URL per line:</source>
        <translation>Un enlace magnet, info hash o URL de .torrent por línea:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>{first} (and {more} more)</source>
        <translation>{first} (y {more} más)</translation>
    </message>
    <message>
        <source>Enter at least one link.</source>
        <translation>Introduzca al menos un enlace.</translation>
    </message>
</context>
<context>
    <name>AddPeersDialog</name>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add Peers</source>
        <translation>Añadir pares</translation>
    </message>
    <message>
        <source>Banned Peers</source>
        <translation>Pares bloqueados</translation>
    </message>
    <message>
        <source>No peer is banned.</source>
        <translation>No hay ningún par bloqueado.</translation>
    </message>
    <message>
        <source>Not IP:port: {lines}.</source>
        <translation>No son IP:puerto: {lines}.</translation>
    </message>
    <message>
        <source>Peers from these addresses are refused, in every torrent.</source>
        <translation>Los pares de estas direcciones se rechazan en todos los torrents.</translation>
    </message>
    <message>
        <source>Peers to connect to for {name}, one IP:port per line (an IPv6 address in brackets):</source>
        <translation>Pares a los que conectarse para {name}, un IP:puerto por línea (una dirección IPv6 entre corchetes):</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>Desbloquear</translation>
    </message>
</context>
<context>
    <name>AddTorrentDialog</name>
    <message>
        <source>Add Torrent</source>
        <translation>Añadir torrent</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Start paused</source>
        <translation>Iniciar en pausa</translation>
    </message>
    <message>
        <source>Download in sequential order</source>
        <translation>Descargar en orden secuencial</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Pick a category, or type a new one</source>
        <translation>Elija una categoría o escriba una nueva</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Separadas por comas</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Etiquetas:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Tamaño:</translation>
    </message>
    <message>
        <source>Info hash:</source>
        <translation>Info hash:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Comentario:</translation>
    </message>
    <message>
        <source>Save at:</source>
        <translation>Guardar en:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Seleccionar todo</translation>
    </message>
    <message>
        <source>Select None</source>
        <translation>No seleccionar nada</translation>
    </message>
    <message>
        <source>Retrieving metadata…</source>
        <translation>Obteniendo metadatos…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>(name not known yet)</source>
        <translation>(nombre aún desconocido)</translation>
    </message>
    <message>
        <source>unknown until metadata arrives</source>
        <translation>desconocido hasta recibir los metadatos</translation>
    </message>
    <message>
        <source>Cannot retrieve metadata: {reason}</source>
        <translation>No se pueden obtener los metadatos: {reason}</translation>
    </message>
    <message>
        <source>{wanted} (of {total})</source>
        <translation>{wanted} (de {total})</translation>
    </message>
    <message>
        <source>Choose a folder to save into.</source>
        <translation>Elija una carpeta de destino.</translation>
    </message>
    <message>
        <source>Give the full path of a folder, starting at the root.</source>
        <translation>Indique la ruta completa de una carpeta, empezando por la raíz.</translation>
    </message>
    <message>
        <source>This path runs through a file, so no folder can be made there.</source>
        <translation>Esta ruta pasa por un archivo, así que ahí no se puede crear una carpeta.</translation>
    </message>
    <message>
        <source>This folder cannot be written to: choose one of yours.</source>
        <translation>No se puede escribir en esta carpeta: elija una suya.</translation>
    </message>
    <message>
        <source>This disk has not enough free space for the selected files.</source>
        <translation>Este disco no tiene espacio libre suficiente para los archivos seleccionados.</translation>
    </message>
    <message>
        <source>Choose save folder</source>
        <translation>Elegir carpeta de destino</translation>
    </message>
    <message>
        <source>Free space: {size}</source>
        <translation>Espacio libre: {size}</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <source>Amount in BTT</source>
        <translation>Importe en BTT</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>Edit Category</source>
        <translation>Editar categoría</translation>
    </message>
    <message>
        <source>New Category</source>
        <translation>Nueva categoría</translation>
    </message>
    <message>
        <source>The default save path</source>
        <translation>La ruta de destino predeterminada</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Save path:</source>
        <translation>Ruta de destino:</translation>
    </message>
    <message>
        <source>There is a category of that name already.</source>
        <translation>Ya hay una categoría con ese nombre.</translation>
    </message>
    <message>
        <source>Choose the category&apos;s folder</source>
        <translation>Elija la carpeta de la categoría</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change the wallet password</source>
        <translation>Cambiar la contraseña del monedero</translation>
    </message>
    <message>
        <source>Choose the new password. The current one is asked next.</source>
        <translation>Elija la nueva contraseña. A continuación se pedirá la actual.</translation>
    </message>
</context>
<context>
    <name>CheckedLinesDialog</name>
    <message>
        <source>{lines} and {count} more</source>
        <translation>{lines} y {count} más</translation>
    </message>
</context>
<context>
    <name>ConfirmSendDialog</name>
    <message>
        <source>Confirm the transfer</source>
        <translation>Confirmar la transferencia</translation>
    </message>
    <message>
        <source>Send {amount} {token}?</source>
        <translation>¿Enviar {amount} {token}?</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De:</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Red:</translation>
    </message>
    <message>
        <source>Network fee:</source>
        <translation>Comisión de red:</translation>
    </message>
    <message>
        <source>Transfers cannot be undone. Check the address: funds sent to a wrong address are lost.</source>
        <translation>Las transferencias no se pueden deshacer. Compruebe la dirección: los fondos enviados a una dirección equivocada se pierden.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
</context>
<context>
    <name>ConfirmSpendDialog</name>
    <message>
        <source>Network: {network}</source>
        <translation>Red: {network}</translation>
    </message>
    <message>
        <source>{step}: up to {fee} TRX ({energy} energy)</source>
        <translation>{step}: hasta {fee} TRX ({energy} de energía)</translation>
    </message>
    <message>
        <source>Total fee: up to {fee} TRX</source>
        <translation>Comisión total: hasta {fee} TRX</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to Daemon</source>
        <translation>Conectar a un demonio</translation>
    </message>
    <message>
        <source>Drive the torrents of a BTT daemon (btt daemon) from this window. BTT Speed and the wallet stay on this computer.</source>
        <translation>Controlar los torrents de un demonio de BTT (btt daemon) desde esta ventana. BTT Speed y la cartera se quedan en este equipo.</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>Recordar la contraseña en este equipo</translation>
    </message>
    <message>
        <source>No secure OS keyring: {reason}</source>
        <translation>No hay un llavero seguro del sistema: {reason}</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
</context>
<context>
    <name>CreateTorrentDialog</name>
    <message>
        <source>Create Torrent</source>
        <translation>Crear torrent</translation>
    </message>
    <message>
        <source>File or folder to share</source>
        <translation>Archivo o carpeta para compartir</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Archivo…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Carpeta…</translation>
    </message>
    <message>
        <source>One tracker URL per line</source>
        <translation>Una URL de tracker por línea</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>v1 (works with every client)</source>
        <translation>v1 (funciona con todos los clientes)</translation>
    </message>
    <message>
        <source>Hybrid (v1 and v2)</source>
        <translation>Híbrido (v1 y v2)</translation>
    </message>
    <message>
        <source>v2 only</source>
        <translation>Solo v2</translation>
    </message>
    <message>
        <source>Private torrent (no DHT, PeX or LSD)</source>
        <translation>Torrent privado (sin DHT, PeX ni LSD)</translation>
    </message>
    <message>
        <source>Start seeding when done</source>
        <translation>Empezar a sembrar al terminar</translation>
    </message>
    <message>
        <source>Share:</source>
        <translation>Compartir:</translation>
    </message>
    <message>
        <source>Trackers:</source>
        <translation>Trackers:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Comentario:</translation>
    </message>
    <message>
        <source>Piece size:</source>
        <translation>Tamaño de pieza:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Crear…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Choose a folder to share</source>
        <translation>Elija una carpeta para compartir</translation>
    </message>
    <message>
        <source>Choose a file to share</source>
        <translation>Elija un archivo para compartir</translation>
    </message>
    <message>
        <source>Choose a file or folder to share first.</source>
        <translation>Primero elija un archivo o carpeta para compartir.</translation>
    </message>
    <message>
        <source>Save torrent as</source>
        <translation>Guardar torrent como</translation>
    </message>
    <message>
        <source>Torrent files (*.torrent)</source>
        <translation>Archivos torrent (*.torrent)</translation>
    </message>
    <message>
        <source>Hashing…</source>
        <translation>Calculando hash…</translation>
    </message>
    <message>
        <source>Created {path} ({size}, {pieces} pieces)</source>
        <translation>Creado {path} ({size}, piezas: {pieces})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pares</translation>
    </message>
    <message>
        <source>Trackers</source>
        <translation>Trackers</translation>
    </message>
    <message>
        <source>Select a torrent to see its details.</source>
        <translation>Seleccione un torrent para ver sus detalles.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export secrets</source>
        <translation>Exportar secretos</translation>
    </message>
    <message>
        <source>Recovery phrase (all accounts)</source>
        <translation>Frase de recuperación (todas las cuentas)</translation>
    </message>
    <message>
        <source>Private key of {label}</source>
        <translation>Clave privada de {label}</translation>
    </message>
    <message>
        <source>Keystore file of {label} (TronLink, web3)</source>
        <translation>Archivo keystore de {label} (TronLink, web3)</translation>
    </message>
    <message>
        <source>This wallet was imported from a key: it has no recovery phrase.</source>
        <translation>Este monedero se importó desde una clave: no tiene frase de recuperación.</translation>
    </message>
    <message>
        <source>Anyone who sees these can take all the funds. Show them only on a computer you trust, with nobody watching, and never send them to anyone: no support team will ever ask for them.</source>
        <translation>Quien los vea puede llevarse todos los fondos. Muéstrelos solo en un ordenador de confianza, sin nadie mirando, y no se los envíe nunca a nadie: ningún equipo de soporte se los pedirá jamás.</translation>
    </message>
    <message>
        <source>Encrypt the keystore file with another password</source>
        <translation>Cifrar el archivo keystore con otra contraseña</translation>
    </message>
    <message>
        <source>Show…</source>
        <translation>Mostrar…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Hide and close</source>
        <translation>Ocultar y cerrar</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Enter the wallet password to continue.</source>
        <translation>Introduzca la contraseña del monedero para continuar.</translation>
    </message>
    <message>
        <source>Save the keystore file</source>
        <translation>Guardar el archivo keystore</translation>
    </message>
    <message>
        <source>Keystore files (*.json)</source>
        <translation>Archivos keystore (*.json)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>No se puede escribir {path}: {reason}</translation>
    </message>
    <message>
        <source>Keystore saved</source>
        <translation>Keystore guardado</translation>
    </message>
    <message>
        <source>TronLink and other wallets open it with its password. Keep it as safe as the password itself.</source>
        <translation>TronLink y otros monederos lo abren con su contraseña. Guárdelo con el mismo cuidado que la contraseña.</translation>
    </message>
    <message>
        <source>Recovery phrase</source>
        <translation>Frase de recuperación</translation>
    </message>
    <message>
        <source>This wallet also uses a BIP39 passphrase: without it these words restore a different, empty wallet.</source>
        <translation>Este monedero también usa una frase de contraseña BIP39: sin ella, estas palabras restauran otro monedero, vacío.</translation>
    </message>
    <message>
        <source>Write them on paper, in this order.</source>
        <translation>Escríbalas en papel, en este orden.</translation>
    </message>
    <message>
        <source>Private key of {address}</source>
        <translation>Clave privada de {address}</translation>
    </message>
    <message>
        <source>It controls this one account.</source>
        <translation>Controla solo esta cuenta.</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in {n} seconds.</source>
        <translation>Copiado. El portapapeles se vaciará en {n} s.</translation>
    </message>
</context>
<context>
    <name>FileTreeModel</name>
    <message>
        <source>Do not download</source>
        <translation>No descargar</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Mezclada</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open Containing Folder</source>
        <translation>Abrir carpeta de destino</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Set up your wallet</source>
        <translation>Configure su monedero</translation>
    </message>
    <message>
        <source>The wallet holds TRX and BTT on the TRON network: BTT pays for faster downloads and receives what you earn by seeding. It lives on this computer, protected by a password.</source>
        <translation>El monedero guarda TRX y BTT en la red TRON: con BTT se pagan descargas más rápidas y se cobra lo que gana sembrando. Está en este ordenador, protegido con una contraseña.</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>Crear un monedero nuevo</translation>
    </message>
    <message>
        <source>Restore or import a wallet</source>
        <translation>Restaurar o importar un monedero</translation>
    </message>
    <message>
        <source>You get a new recovery phrase (12 or 24 words) to write down on paper.</source>
        <translation>Recibirá una nueva frase de recuperación (12 o 24 palabras) para anotar en papel.</translation>
    </message>
    <message>
        <source>From a recovery phrase, a private key, a TronLink keystore file, or an address to watch.</source>
        <translation>Desde una frase de recuperación, una clave privada, un archivo keystore de TronLink o una dirección para observar.</translation>
    </message>
    <message>
        <source>Your recovery phrase</source>
        <translation>Su frase de recuperación</translation>
    </message>
    <message>
        <source>Number of words:</source>
        <translation>Número de palabras:</translation>
    </message>
    <message>
        <source>12 words</source>
        <translation>12 palabras</translation>
    </message>
    <message>
        <source>24 words</source>
        <translation>24 palabras</translation>
    </message>
    <message>
        <source>Write these words on paper, in this order, and keep the paper somewhere safe. The order matters. Never type them into a website, never share them and never photograph them: anyone who has these words has your funds. They are the only way back into this wallet if this computer is lost.</source>
        <translation>Escriba estas palabras en papel, en este orden, y guarde el papel en un lugar seguro. El orden importa. No las escriba nunca en un sitio web, no las comparta y no les haga fotos: quien tenga estas palabras tiene sus fondos. Son la única forma de recuperar este monedero si pierde este ordenador.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>I have written them down</source>
        <translation>Ya las he anotado</translation>
    </message>
    <message>
        <source>Check your paper</source>
        <translation>Compruebe su papel</translation>
    </message>
    <message>
        <source>Type these words from your paper, to be sure it was written correctly.</source>
        <translation>Escriba estas palabras desde su papel, para asegurarse de que las anotó bien.</translation>
    </message>
    <message>
        <source>Show the words again</source>
        <translation>Mostrar de nuevo las palabras</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Recovery phrase</source>
        <translation>Frase de recuperación</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Clave privada</translation>
    </message>
    <message>
        <source>Keystore file</source>
        <translation>Archivo keystore</translation>
    </message>
    <message>
        <source>Watch an address</source>
        <translation>Observar una dirección</translation>
    </message>
    <message>
        <source>It also has a BIP39 passphrase (extra word)</source>
        <translation>También tiene una frase de contraseña BIP39 (palabra adicional)</translation>
    </message>
    <message>
        <source>Passphrase, exactly as it was set</source>
        <translation>Frase de contraseña, exactamente como se estableció</translation>
    </message>
    <message>
        <source>64 hexadecimal digits</source>
        <translation>64 dígitos hexadecimales</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Clave privada:</translation>
    </message>
    <message>
        <source>TronLink or Ethereum keystore (JSON)</source>
        <translation>Keystore de TronLink o Ethereum (JSON)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Its password:</source>
        <translation>Su contraseña:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>A watch-only wallet shows balances and transactions but cannot send.</source>
        <translation>Un monedero de solo lectura muestra saldos y transacciones, pero no puede enviar.</translation>
    </message>
    <message>
        <source>Protect the wallet with a password</source>
        <translation>Proteja el monedero con una contraseña</translation>
    </message>
    <message>
        <source>The password encrypts the wallet on this computer. It is asked before sending and before showing secrets. Without it, only the recovery phrase or key can restore the wallet.</source>
        <translation>La contraseña cifra el monedero en este ordenador. Se pide antes de enviar y antes de mostrar secretos. Sin ella, solo la frase de recuperación o la clave pueden restaurar el monedero.</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>Recordar la contraseña en este ordenador</translation>
    </message>
    <message>
        <source>Looking for the system keyring…</source>
        <translation>Buscando el llavero del sistema…</translation>
    </message>
    <message>
        <source>Create wallet</source>
        <translation>Crear monedero</translation>
    </message>
    <message>
        <source>Word {n}:</source>
        <translation>Palabra {n}:</translation>
    </message>
    <message>
        <source>Word {n} does not match. Check your paper: the words and their order must be exact.</source>
        <translation>La palabra {n} no coincide. Compruebe su papel: las palabras y su orden deben ser exactos.</translation>
    </message>
    <message>
        <source>Watch this address</source>
        <translation>Observar esta dirección</translation>
    </message>
    <message>
        <source>Choose a keystore file</source>
        <translation>Elija un archivo keystore</translation>
    </message>
    <message>
        <source>Restore wallet</source>
        <translation>Restaurar monedero</translation>
    </message>
    <message>
        <source>Paste the private key first.</source>
        <translation>Primero pegue la clave privada.</translation>
    </message>
    <message>
        <source>Import key</source>
        <translation>Importar clave</translation>
    </message>
    <message>
        <source>Choose the keystore file first.</source>
        <translation>Primero elija el archivo keystore.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>No se puede leer {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is too large to be a keystore file.</source>
        <translation>{path} es demasiado grande para ser un archivo keystore.</translation>
    </message>
    <message>
        <source>Import keystore</source>
        <translation>Importar keystore</translation>
    </message>
    <message>
        <source>Kept in {backend}; the wallet then opens unlocked.</source>
        <translation>Se guarda en {backend}; así el monedero se abre desbloqueado.</translation>
    </message>
    <message>
        <source>Not available: {reason}</source>
        <translation>No disponible: {reason}</translation>
    </message>
    <message>
        <source>Encrypting the wallet…</source>
        <translation>Cifrando el monedero…</translation>
    </message>
    <message>
        <source>Wrong password for the keystore file.</source>
        <translation>Contraseña incorrecta para el archivo keystore.</translation>
    </message>
    <message>
        <source>The password is not remembered: {reason}</source>
        <translation>La contraseña no se ha recordado: {reason}</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>{d}d {h}h</source>
        <translation>{d} d {h} h</translation>
    </message>
    <message>
        <source>{h}h {m}m</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{m}m {s}s</source>
        <translation>{m} min {s} s</translation>
    </message>
    <message>
        <source>{size}/s</source>
        <translation>{size}/s</translation>
    </message>
    <message>
        <source>{s}s</source>
        <translation>{s} s</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>Transfer</source>
        <translation>Transferencia</translation>
    </message>
    <message>
        <source>Time active:</source>
        <translation>Tiempo activo:</translation>
    </message>
    <message>
        <source>Downloaded:</source>
        <translation>Descargado:</translation>
    </message>
    <message>
        <source>Uploaded:</source>
        <translation>Subido:</translation>
    </message>
    <message>
        <source>Share ratio:</source>
        <translation>Ratio de compartición:</translation>
    </message>
    <message>
        <source>Download speed:</source>
        <translation>Velocidad de descarga:</translation>
    </message>
    <message>
        <source>Upload speed:</source>
        <translation>Velocidad de subida:</translation>
    </message>
    <message>
        <source>Limits (down / up):</source>
        <translation>Límites (bajada / subida):</translation>
    </message>
    <message>
        <source>Seeds / peers:</source>
        <translation>Semillas / pares:</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Total size:</source>
        <translation>Tamaño total:</translation>
    </message>
    <message>
        <source>Pieces:</source>
        <translation>Piezas:</translation>
    </message>
    <message>
        <source>Availability:</source>
        <translation>Disponibilidad:</translation>
    </message>
    <message>
        <source>Added on:</source>
        <translation>Añadido el:</translation>
    </message>
    <message>
        <source>Completed on:</source>
        <translation>Completado el:</translation>
    </message>
    <message>
        <source>Info hash v1:</source>
        <translation>Info hash v1:</translation>
    </message>
    <message>
        <source>Info hash v2:</source>
        <translation>Info hash v2:</translation>
    </message>
    <message>
        <source>Save path:</source>
        <translation>Ruta de destino:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Comentario:</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>Creado por:</translation>
    </message>
    <message>
        <source>Private:</source>
        <translation>Privado:</translation>
    </message>
    <message>
        <source>{active} (seeding {seeding})</source>
        <translation>{active} (sembrando {seeding})</translation>
    </message>
    <message>
        <source>{count} × {size} (have {have})</source>
        <translation>{count} × {size} (tiene {have})</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/D</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{seeds} ({list_seeds}) / {peers} ({list_peers})</source>
        <translation>{seeds} ({list_seeds}) / {peers} ({list_peers})</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>No documentation is installed.</source>
        <translation>No hay documentación instalada.</translation>
    </message>
    <message>
        <source>About BTT Desktop</source>
        <translation>Acerca de BTT Desktop</translation>
    </message>
    <message>
        <source>{app} {version}
A BitTorrent client with a TRON wallet.</source>
        <translation>{app} {version}
Un cliente BitTorrent con monedero TRON.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>From / to / contract</source>
        <translation>De / para / contrato</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Comisión</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Amount {amount}</source>
        <translation>Importe {amount}</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Aprobación</translation>
    </message>
    <message>
        <source>Call: {function}</source>
        <translation>Llamada: {function}</translation>
    </message>
    <message>
        <source>Cheque cashed</source>
        <translation>Cheque cobrado</translation>
    </message>
    <message>
        <source>Cheques cashed</source>
        <translation>Cheques cobrados</translation>
    </message>
    <message>
        <source>Contract call</source>
        <translation>Llamada a contrato</translation>
    </message>
    <message>
        <source>Contract deployed</source>
        <translation>Contrato desplegado</translation>
    </message>
    <message>
        <source>Contract {address}</source>
        <translation>Contrato {address}</translation>
    </message>
    <message>
        <source>Double-click to copy the transaction ID</source>
        <translation>Doble clic para copiar el ID de la transacción</translation>
    </message>
    <message>
        <source>Failed ({result}): {reason}</source>
        <translation>Fallida ({result}): {reason}</translation>
    </message>
    <message>
        <source>Function {name}</source>
        <translation>Función {name}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Transaction {txid}</source>
        <translation>Transacción {txid}</translation>
    </message>
    <message>
        <source>Vault deposit</source>
        <translation>Depósito en la bóveda</translation>
    </message>
    <message>
        <source>Vault withdrawal</source>
        <translation>Retiro de la bóveda</translation>
    </message>
    <message>
        <source>Withdrawal notice</source>
        <translation>Aviso de retiro</translation>
    </message>
    <message>
        <source>contract {address}</source>
        <translation>contrato {address}</translation>
    </message>
    <message>
        <source>from {address}</source>
        <translation>de {address}</translation>
    </message>
    <message>
        <source>to {address}</source>
        <translation>a {address}</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ Fallida</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmada</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>No transactions yet.</source>
        <translation>Aún no hay transacciones.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Not loaded: the node cannot be reached.</source>
        <translation>No cargado: no se puede contactar con el nodo.</translation>
    </message>
    <message>
        <source>Transactions unavailable: {reason}</source>
        <translation>Transacciones no disponibles: {reason}</translation>
    </message>
    <message>
        <source>Saved list: the node did not answer ({reason}).</source>
        <translation>Lista guardada: el nodo no respondió ({reason}).</translation>
    </message>
    <message>
        <source>Partial history: {reason}</source>
        <translation>Historial parcial: {reason}</translation>
    </message>
</context>
<context>
    <name>LabelActions</name>
    <message>
        <source>Export .torrent…</source>
        <translation>Exportar .torrent…</translation>
    </message>
    <message>
        <source>Super Seeding Mode</source>
        <translation>Modo super siembra</translation>
    </message>
    <message>
        <source>Offer each peer pieces nobody else has, to spread a new torrent quickly</source>
        <translation>Ofrecer a cada par piezas que nadie más tiene, para difundir rápido un torrent nuevo</translation>
    </message>
    <message>
        <source>Cannot read the categories and tags</source>
        <translation>No se pueden leer las categorías y etiquetas</translation>
    </message>
    <message>
        <source>Add Category…</source>
        <translation>Añadir categoría…</translation>
    </message>
    <message>
        <source>Edit Category…</source>
        <translation>Editar categoría…</translation>
    </message>
    <message>
        <source>Remove Category</source>
        <translation>Eliminar categoría</translation>
    </message>
    <message>
        <source>Cannot remove the category</source>
        <translation>No se puede eliminar la categoría</translation>
    </message>
    <message>
        <source>Add Tag…</source>
        <translation>Añadir etiqueta…</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>Eliminar etiqueta</translation>
    </message>
    <message>
        <source>Cannot remove the tag</source>
        <translation>No se puede eliminar la etiqueta</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nueva…</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Remove All</source>
        <translation>Eliminar todas</translation>
    </message>
    <message>
        <source>Cannot remove the tags</source>
        <translation>No se pueden eliminar las etiquetas</translation>
    </message>
    <message>
        <source>Cannot set the category</source>
        <translation>No se puede asignar la categoría</translation>
    </message>
    <message>
        <source>Cannot add the tag</source>
        <translation>No se puede añadir la etiqueta</translation>
    </message>
    <message>
        <source>Cannot add the category</source>
        <translation>No se puede añadir la categoría</translation>
    </message>
    <message>
        <source>Cannot change the category</source>
        <translation>No se puede cambiar la categoría</translation>
    </message>
    <message>
        <source>Cannot add the tags</source>
        <translation>No se pueden añadir las etiquetas</translation>
    </message>
    <message>
        <source>Cannot change super seeding</source>
        <translation>No se puede cambiar el modo super siembra</translation>
    </message>
    <message>
        <source>Cannot export the .torrent file</source>
        <translation>No se puede exportar el archivo .torrent</translation>
    </message>
    <message>
        <source>Export .torrent</source>
        <translation>Exportar .torrent</translation>
    </message>
    <message>
        <source>Torrent files (*.torrent)</source>
        <translation>Archivos torrent (*.torrent)</translation>
    </message>
    <message>
        <source>Export .torrent Files to a Folder</source>
        <translation>Exportar archivos .torrent a una carpeta</translation>
    </message>
</context>
<context>
    <name>LabelList</name>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Uncategorised</source>
        <translation>Sin categoría</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>Sin etiquetar</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <extracomment>Language setting -&gt; native name. ``&quot;&quot;`` follows the system; English is the source text.</extracomment>
        <translation>Predeterminado del sistema</translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>not declared</source>
        <translation>no declarada</translation>
    </message>
    <message>
        <source>{app} {version} is free software, licensed under {licence}.</source>
        <translation>{app} {version} es software libre. Licencia: {licence}.</translation>
    </message>
    <message>
        <source>This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.

This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public License for more details.

You should have received a copy of the GNU General Public License along with this program. If not, see &lt;https://www.gnu.org/licenses/&gt;.</source>
        <translation>This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.

This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public License for more details.

You should have received a copy of the GNU General Public License along with this program. If not, see &lt;https://www.gnu.org/licenses/&gt;.</translation>
    </message>
    <message>
        <source>The full text of the GNU General Public License, version 3</source>
        <translation>El texto completo de la GNU General Public License, versión 3</translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <source>Torrent Speed Limits</source>
        <translation>Límites de velocidad del torrent</translation>
    </message>
    <message>
        <source>{count} torrents</source>
        <translation>Torrents: {count}</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Download limit:</source>
        <translation>Límite de descarga:</translation>
    </message>
    <message>
        <source>Upload limit:</source>
        <translation>Límite de subida:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Torrents</source>
        <translation>Torrents</translation>
    </message>
    <message>
        <source>{app} – Connected to {daemon}</source>
        <translation>{app} – conectado a {daemon}</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Barra de herramientas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Torrent</source>
        <translation>&amp;Torrent</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>Alternative speed limits on</source>
        <translation>Límites de velocidad alternativos activados</translation>
    </message>
    <message>
        <source>Alternative speed limits off</source>
        <translation>Límites de velocidad alternativos desactivados</translation>
    </message>
    <message>
        <source>A file in the watched folder was refused: {name}: {reason}</source>
        <translation>Se rechazó un archivo de la carpeta monitorizada: {name}: {reason}</translation>
    </message>
    <message>
        <source>Added from the watched folder: {name}</source>
        <translation>Añadido desde la carpeta monitorizada: {name}</translation>
    </message>
    <message>
        <source>Already in the list (from the watched folder): {name}</source>
        <translation>Ya está en la lista (desde la carpeta monitorizada): {name}</translation>
    </message>
    <message>
        <source>Download finished</source>
        <translation>Descarga terminada</translation>
    </message>
    <message>
        <source>Finished: {name}</source>
        <translation>Terminado: {name}</translation>
    </message>
    <message>
        <source>{name} stopped: {reason}</source>
        <translation>El torrent {name} se detuvo: {reason}</translation>
    </message>
    <message>
        <source>[D: {down}, U: {up}] {app}</source>
        <translation>[B: {down}, S: {up}] {app}</translation>
    </message>
    <message>
        <source>Saving resume data…</source>
        <translation>Guardando los datos de reanudación…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss All</source>
        <translation>Descartar todos</translation>
    </message>
    <message>
        <source>{count} more messages</source>
        <translation>{count} mensajes más</translation>
    </message>
    <message>
        <source>1 more message</source>
        <translation>1 mensaje más</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network settings</source>
        <translation>Configuración de red</translation>
    </message>
    <message>
        <source>Optional: your TronGrid API key</source>
        <translation>Opcional: su clave de API de TronGrid</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Red:</translation>
    </message>
    <message>
        <source>Node URL:</source>
        <translation>URL del nodo:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Clave de API:</translation>
    </message>
    <message>
        <source>BTT token contract:</source>
        <translation>Contrato del token BTT:</translation>
    </message>
    <message>
        <source>http://host:port (required)</source>
        <translation>http://host:port (obligatorio)</translation>
    </message>
    <message>
        <source>read from the node</source>
        <translation>leído del nodo</translation>
    </message>
    <message>
        <source>T… (optional)</source>
        <translation>T… (opcional)</translation>
    </message>
    <message>
        <source>The real TRON network: real TRX and BTT.</source>
        <translation>La red TRON real: TRX y BTT reales.</translation>
    </message>
    <message>
        <source>TRON&apos;s public test network: test TRX from its faucet, no value.</source>
        <translation>La red de pruebas pública de TRON: TRX de prueba de su faucet, sin valor.</translation>
    </message>
    <message>
        <source>A local node (btt devnet) for trying things out with tokens from its faucet.</source>
        <translation>Un nodo local (btt devnet) para hacer pruebas con tokens de su faucet.</translation>
    </message>
    <message>
        <source>Any java-tron compatible node.</source>
        <translation>Cualquier nodo compatible con java-tron.</translation>
    </message>
</context>
<context>
    <name>Networks</name>
    <message>
        <source>TRON mainnet</source>
        <translation>Red principal de TRON</translation>
    </message>
    <message>
        <source>Nile testnet</source>
        <translation>Red de pruebas Nile</translation>
    </message>
    <message>
        <source>Local devnet</source>
        <translation>Red de desarrollo local</translation>
    </message>
    <message>
        <source>Custom node</source>
        <translation>Nodo personalizado</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Repetir:</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>La contraseña necesita al menos {n} caracteres.</translation>
    </message>
    <message>
        <source>The password must not start or end with a space.</source>
        <translation>La contraseña no debe empezar ni terminar con un espacio.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Wallet password</source>
        <translation>Contraseña del monedero</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Comprobando la contraseña…</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>At least {n} characters. A few unrelated words make a strong password.</source>
        <translation>Al menos {n} caracteres. Unas cuantas palabras sin relación forman una contraseña fuerte.</translation>
    </message>
    <message>
        <source>Fair: longer is better.</source>
        <translation>Aceptable: cuanto más larga, mejor.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Buena.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>Demasiado corta: al menos {n} caracteres.</translation>
    </message>
    <message>
        <source>Weak: make it longer.</source>
        <translation>Débil: hágala más larga.</translation>
    </message>
</context>
<context>
    <name>PeerMenu</name>
    <message>
        <source>Add Peers…</source>
        <translation>Añadir pares…</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Ban Peer Permanently</source>
        <translation>Bloquear par permanentemente</translation>
    </message>
    <message>
        <source>Ban Peers</source>
        <translation>Bloquear pares</translation>
    </message>
    <message>
        <source>Ban {addresses} permanently? Peers from there are dropped now and refused from now on, in every torrent.</source>
        <translation>¿Bloquear {addresses} permanentemente? Los pares de ahí se desconectan ahora y se rechazarán a partir de ahora en todos los torrents.</translation>
    </message>
    <message>
        <source>Banned Peers…</source>
        <translation>Pares bloqueados…</translation>
    </message>
    <message>
        <source>Copy IP:port</source>
        <translation>Copiar IP:puerto</translation>
    </message>
</context>
<context>
    <name>PeersTab</name>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Down Speed</source>
        <translation>Vel. bajada</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Descargado</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Up Speed</source>
        <translation>Vel. subida</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Subido</translation>
    </message>
</context>
<context>
    <name>PhraseEdit</name>
    <message>
        <source>Type the words in order, separated by spaces</source>
        <translation>Escriba las palabras en orden, separadas por espacios</translation>
    </message>
</context>
<context>
    <name>PhraseInput</name>
    <message>
        <source>12, 15, 18, 21 or 24 words.</source>
        <translation>12, 15, 18, 21 o 24 palabras.</translation>
    </message>
    <message>
        <source>{count} words so far.</source>
        <translation>Palabras hasta ahora: {count}.</translation>
    </message>
    <message>
        <source>Word {n} is not in the BIP39 word list.</source>
        <translation>La palabra {n} no está en la lista de palabras BIP39.</translation>
    </message>
    <message>
        <source>Valid recovery phrase: {count} words, checksum correct.</source>
        <translation>Frase de recuperación válida: {count} palabras, suma de comprobación correcta.</translation>
    </message>
</context>
<context>
    <name>Protected</name>
    <message>
        <source>Add an account</source>
        <translation>Añadir una cuenta</translation>
    </message>
    <message>
        <source>Enter the wallet password to derive the next account.</source>
        <translation>Introduzca la contraseña del monedero para derivar la siguiente cuenta.</translation>
    </message>
    <message>
        <source>Wrong password. Try again.</source>
        <translation>Contraseña incorrecta. Inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>“{name}” is still active. Quit anyway?</source>
        <translation>«{name}» sigue activo. ¿Salir de todos modos?</translation>
    </message>
    <message>
        <source>{count} torrents are still active. Quit anyway?</source>
        <translation>{count} torrents siguen activos. ¿Salir de todos modos?</translation>
    </message>
    <message>
        <source>Quit BTT Desktop?</source>
        <translation>¿Salir de BTT Desktop?</translation>
    </message>
    <message>
        <source>Downloads stop and peers you are seeding to are cut off until BTT Desktop runs again.</source>
        <translation>Las descargas se detienen y los pares a los que comparte quedan desconectados hasta que BTT Desktop vuelva a ejecutarse.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>No volver a preguntar</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive</source>
        <translation>Recibir</translation>
    </message>
    <message>
        <source>Send TRX or BTT to {label}</source>
        <translation>Enviar TRX o BTT a {label}</translation>
    </message>
    <message>
        <source>Only TRX and TRON tokens (BTT TRC-20) on the {network} network. Tokens sent from another chain are lost.</source>
        <translation>Solo TRX y tokens de TRON (BTT TRC-20) en la red {network}. Los tokens enviados desde otra cadena se pierden.</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copiar dirección</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>RemoteMode</name>
    <message>
        <source>Connect to &amp;Daemon…</source>
        <translation>Conectar a un &amp;demonio…</translation>
    </message>
    <message>
        <source>Drive the torrents of a BTT daemon</source>
        <translation>Controlar los torrents de un demonio de BTT</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Desconectar</translation>
    </message>
    <message>
        <source>Back to this computer&apos;s torrents</source>
        <translation>Volver a los torrents de este equipo</translation>
    </message>
    <message>
        <source>Cannot disconnect</source>
        <translation>No se puede desconectar</translation>
    </message>
    <message>
        <source>Cannot connect to the daemon</source>
        <translation>No se puede conectar al demonio</translation>
    </message>
    <message>
        <source>Connected to {daemon}</source>
        <translation>Conectado a {daemon}</translation>
    </message>
    <message>
        <source>{daemon} unreachable, retrying…</source>
        <translation>{daemon} no responde; reintentando…</translation>
    </message>
</context>
<context>
    <name>RemoveDialog</name>
    <message>
        <source>Remove Torrents</source>
        <translation>Eliminar torrents</translation>
    </message>
    <message>
        <source>Remove “{name}” from the transfer list?</source>
        <translation>¿Eliminar «{name}» de la lista de transferencias?</translation>
    </message>
    <message>
        <source>Remove these {count} torrents from the transfer list?</source>
        <translation>¿Eliminar estos {count} torrents de la lista de transferencias?</translation>
    </message>
    <message>
        <source>Also delete the downloaded files</source>
        <translation>Eliminar también los archivos descargados</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>about {trx} TRX</source>
        <translation>unos {trx} TRX</translation>
    </message>
    <message>
        <source>energy {n}</source>
        <translation>energía {n}</translation>
    </message>
    <message>
        <source>bandwidth {n} bytes</source>
        <translation>ancho de banda {n} bytes</translation>
    </message>
    <message>
        <source>{trx} TRX to activate the new address</source>
        <translation>{trx} TRX para activar la dirección nueva</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>TRON address (T…)</source>
        <translation>Dirección TRON (T…)</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Máx.</translation>
    </message>
    <message>
        <source>Everything available (for TRX, less the fee)</source>
        <translation>Todo lo disponible (en TRX, menos la comisión)</translation>
    </message>
    <message>
        <source>Enter a recipient and an amount.</source>
        <translation>Introduzca un destinatario y un importe.</translation>
    </message>
    <message>
        <source>Pay to:</source>
        <translation>Pagar a:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Importe:</translation>
    </message>
    <message>
        <source>Network fee:</source>
        <translation>Comisión de red:</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Enviar…</translation>
    </message>
    <message>
        <source>Copy transaction ID</source>
        <translation>Copiar ID de transacción</translation>
    </message>
    <message>
        <source>Open in the explorer</source>
        <translation>Abrir en el explorador</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Balance unknown</source>
        <translation>Saldo desconocido</translation>
    </message>
    <message>
        <source>Available: {amount} {token}</source>
        <translation>Disponible: {amount} {token}</translation>
    </message>
    <message>
        <source>This is your own address.</source>
        <translation>Es su propia dirección.</translation>
    </message>
    <message>
        <source>Valid TRON address</source>
        <translation>Dirección TRON válida</translation>
    </message>
    <message>
        <source>Estimating…</source>
        <translation>Estimando…</translation>
    </message>
    <message>
        <source>The balance is not known yet: refresh first.</source>
        <translation>El saldo aún no se conoce: actualice primero.</translation>
    </message>
    <message>
        <source>Enter the recipient first: the fee depends on it.</source>
        <translation>Introduzca primero el destinatario: la comisión depende de él.</translation>
    </message>
    <message>
        <source>Not enough TRX to pay the fee.</source>
        <translation>No hay suficientes TRX para pagar la comisión.</translation>
    </message>
    <message>
        <source>Sign the transfer</source>
        <translation>Firmar la transferencia</translation>
    </message>
    <message>
        <source>Enter the wallet password to sign this transfer.</source>
        <translation>Introduzca la contraseña del monedero para firmar esta transferencia.</translation>
    </message>
    <message>
        <source>Sending {amount} {token}</source>
        <translation>Enviando {amount} {token}</translation>
    </message>
    <message>
        <source>Sent {amount} {token}</source>
        <translation>Enviados {amount} {token}</translation>
    </message>
    <message>
        <source>Confirmed in block {block}.</source>
        <translation>Confirmada en el bloque {block}.</translation>
    </message>
    <message>
        <source>Confirmed.</source>
        <translation>Confirmada.</translation>
    </message>
    <message>
        <source>Fee paid: {fee} TRX.</source>
        <translation>Comisión pagada: {fee} TRX.</translation>
    </message>
    <message>
        <source>Transaction ID: {txid}</source>
        <translation>ID de transacción: {txid}</translation>
    </message>
    <message>
        <source>The transfer failed</source>
        <translation>La transferencia ha fallado</translation>
    </message>
    <message>
        <source>Building the transaction…</source>
        <translation>Preparando la transacción…</translation>
    </message>
    <message>
        <source>Signed. Sending it to the node…</source>
        <translation>Firmada. Enviándola al nodo…</translation>
    </message>
    <message>
        <source>Broadcast. Waiting for a block…</source>
        <translation>Difundida. Esperando un bloque…</translation>
    </message>
    <message>
        <source>Waiting for a block…</source>
        <translation>Esperando un bloque…</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Error.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Add torrents paused</source>
        <translation>Añadir torrents en pausa</translation>
    </message>
    <message>
        <source>Download in sequential order by default</source>
        <translation>Descargar en orden secuencial de forma predeterminada</translation>
    </message>
    <message>
        <source>Confirm before removing torrents</source>
        <translation>Confirmar antes de eliminar torrents</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Default save path:</source>
        <translation>Ruta de destino predeterminada:</translation>
    </message>
    <message>
        <source>.torrent and .magnet files put in this folder are added, then renamed “.added” (or “.invalid”, with the reason shown in the window).</source>
        <translation>Los archivos .torrent y .magnet que se pongan en esta carpeta se añaden y se renombran a «.added» (o «.invalid», con el motivo mostrado en la ventana).</translation>
    </message>
    <message>
        <source>Add paused</source>
        <translation>Añadir en pausa</translation>
    </message>
    <message>
        <source>Allow encryption (fastest)</source>
        <translation>Permitir cifrado (lo más rápido)</translation>
    </message>
    <message>
        <source>An eMule ipfilter.dat or a PeerGuardian .p2p file, gzipped or not. Peers in its ranges are refused.</source>
        <translation>Un archivo ipfilter.dat de eMule o .p2p de PeerGuardian, comprimido con gzip o no. Se rechazan los pares de sus rangos.</translation>
    </message>
    <message>
        <source>Automatically add torrents from:</source>
        <translation>Añadir automáticamente torrents desde:</translation>
    </message>
    <message>
        <source>Confirm when quitting with active torrents</source>
        <translation>Confirmar al salir con torrents activos</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Todos los días</translation>
    </message>
    <message>
        <source>Finished torrents are moved to their save path.</source>
        <translation>Los torrents terminados se mueven a su ruta de destino.</translation>
    </message>
    <message>
        <source>Folder for incomplete torrents</source>
        <translation>Carpeta para torrents incompletos</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Viernes</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>IP block list</source>
        <translation>Lista de bloqueo de IP</translation>
    </message>
    <message>
        <source>IP block list:</source>
        <translation>Lista de bloqueo de IP:</translation>
    </message>
    <message>
        <source>IP block lists (*.dat *.p2p *.gz);;All files (*)</source>
        <translation>Listas de bloqueo de IP (*.dat *.p2p *.gz);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>IP filtering</source>
        <translation>Filtro IP</translation>
    </message>
    <message>
        <source>Keep incomplete torrents in:</source>
        <translation>Mantener torrents incompletos en:</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>Prefer encryption</source>
        <translation>Preferir cifrado</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Require encryption</source>
        <translation>Exigir cifrado</translation>
    </message>
    <message>
        <source>“{path}” is not a full path.</source>
        <translation>«{path}» no es una ruta completa.</translation>
    </message>
    <message>
        <source>Disable encryption</source>
        <translation>Desactivar cifrado</translation>
    </message>
    <message>
        <source>DHT (find peers without a tracker)</source>
        <translation>DHT (encontrar pares sin tracker)</translation>
    </message>
    <message>
        <source>Peer exchange (PeX)</source>
        <translation>Intercambio de pares (PeX)</translation>
    </message>
    <message>
        <source>Local peer discovery</source>
        <translation>Búsqueda local de pares</translation>
    </message>
    <message>
        <source>Port forwarding with UPnP</source>
        <translation>Redirección de puertos con UPnP</translation>
    </message>
    <message>
        <source>Port forwarding with NAT-PMP</source>
        <translation>Redirección de puertos con NAT-PMP</translation>
    </message>
    <message>
        <source>Listening and peers</source>
        <translation>Escucha y pares</translation>
    </message>
    <message>
        <source>Listen port:</source>
        <translation>Puerto de escucha:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Cifrado:</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Sábado</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Guardar en:</translation>
    </message>
    <message>
        <source>Save torrents from the watched folder in</source>
        <translation>Guardar los torrents de la carpeta monitorizada en</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programar</translation>
    </message>
    <message>
        <source>Schedule the use of the alternative limits</source>
        <translation>Programar el uso de los límites alternativos</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Domingo</translation>
    </message>
    <message>
        <source>The alternative limits switch on at the first time and off at the second; a period past midnight belongs to the day it starts on. Switching by hand holds until the next change of the schedule.</source>
        <translation>Los límites alternativos se activan a la primera hora indicada y se desactivan a la segunda; un periodo que pasa de medianoche pertenece al día en que empieza. Un cambio manual se mantiene hasta el siguiente cambio de la programación.</translation>
    </message>
    <message>
        <source>The default save path</source>
        <translation>La ruta de destino predeterminada</translation>
    </message>
    <message>
        <source>The proxy needs a host.</source>
        <translation>El proxy necesita un host.</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Jueves</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Trackers are always reached through the proxy, and host names are resolved by it.</source>
        <translation>Los trackers siempre se contactan a través del proxy, y él resuelve los nombres de host.</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Martes</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Use proxy for peer connections</source>
        <translation>Usar el proxy para las conexiones con pares</translation>
    </message>
    <message>
        <source>Use the alternative limits now</source>
        <translation>Usar ahora los límites alternativos</translation>
    </message>
    <message>
        <source>Global limits</source>
        <translation>Límites globales</translation>
    </message>
    <message>
        <source>Download:</source>
        <translation>Bajada:</translation>
    </message>
    <message>
        <source>Upload:</source>
        <translation>Subida:</translation>
    </message>
    <message>
        <source>Alternative limits</source>
        <translation>Límites alternativos</translation>
    </message>
    <message>
        <source>Queueing</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Maximum active downloads:</source>
        <translation>Máximo de descargas activas:</translation>
    </message>
    <message>
        <source>Maximum active uploads:</source>
        <translation>Máximo de subidas activas:</translation>
    </message>
    <message>
        <source>Maximum active torrents:</source>
        <translation>Máximo de torrents activos:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Stop seeding when</source>
        <translation>Dejar de sembrar cuando</translation>
    </message>
    <message>
        <source>Ratio reaches:</source>
        <translation>El ratio llegue a:</translation>
    </message>
    <message>
        <source>Seeding time reaches:</source>
        <translation>El tiempo sembrando llegue a:</translation>
    </message>
    <message>
        <source>Closing the window keeps BTT Desktop in the tray</source>
        <translation>Al cerrar la ventana, BTT Desktop sigue en la bandeja</translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation>Este escritorio no tiene bandeja del sistema.</translation>
    </message>
    <message>
        <source>Notify when a download finishes</source>
        <translation>Avisar cuando termine una descarga</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>Carpeta monitorizada</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Miércoles</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>Días laborables</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>Fines de semana</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Cuándo:</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>POSIX (read/write, low memory)</source>
        <translation>POSIX (read/write, poca memoria)</translation>
    </message>
    <message>
        <source>pread/pwrite with worker threads</source>
        <translation>pread/pwrite con hilos de trabajo</translation>
    </message>
    <message>
        <source>Memory-mapped files</source>
        <translation>Archivos mapeados en memoria</translation>
    </message>
    <message>
        <source>libtorrent default</source>
        <translation>Predeterminado de libtorrent</translation>
    </message>
    <message>
        <source>Takes effect the next time BTT Desktop starts.</source>
        <translation>Se aplica la próxima vez que se inicie BTT Desktop.</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disco</translation>
    </message>
    <message>
        <source>Disk I/O:</source>
        <translation>E/S de disco:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Ask for the wallet password for every transfer</source>
        <translation>Pedir la contraseña del monedero en cada transferencia</translation>
    </message>
    <message>
        <source>Wallet security</source>
        <translation>Seguridad del monedero</translation>
    </message>
    <message>
        <source>Lock the wallet after no input for:</source>
        <translation>Bloquear el monedero tras inactividad de:</translation>
    </message>
    <message>
        <source>Without the password for every transfer, an unlocked wallet sends after the confirmation alone.</source>
        <translation>Sin la contraseña en cada transferencia, un monedero desbloqueado envía solo con la confirmación.</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Comportamiento</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Descargas</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>BitTorrent</source>
        <translation>BitTorrent</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Monedero</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Default save path</source>
        <translation>Ruta de destino predeterminada</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <source>Cannot switch the speed limits</source>
        <translation>No se pueden cambiar los límites de velocidad</translation>
    </message>
    <message>
        <source>Cannot save the settings</source>
        <translation>No se puede guardar la configuración</translation>
    </message>
    <message>
        <source>Cannot apply the settings</source>
        <translation>No se puede aplicar la configuración</translation>
    </message>
    <message>
        <source>not remembered: no keyring</source>
        <translation>no se recuerda: no hay llavero</translation>
    </message>
    <message>
        <source>The proxy password is kept for this session only: {reason}</source>
        <translation>La contraseña del proxy solo se guarda para esta sesión: {reason}</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Descargando</translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation>Sembrando</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausados</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Comprobando</translation>
    </message>
    <message>
        <source>Errored</source>
        <translation>Con errores</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
</context>
<context>
    <name>SpeedAmounts</name>
    <message>
        <source>{what}: BTT has at most {decimals} decimals</source>
        <translation>{what}: BTT admite como máximo {decimals} decimales</translation>
    </message>
    <message>
        <source>{what}: must be more than 0</source>
        <translation>{what}: debe ser mayor que 0</translation>
    </message>
    <message>
        <source>{what}: must not be negative</source>
        <translation>{what}: no puede ser negativo</translation>
    </message>
    <message>
        <source>{what}: not an amount: {text}</source>
        <translation>{what}: no es un importe: {text}</translation>
    </message>
</context>
<context>
    <name>SpeedController</name>
    <message>
        <source>BTT Speed did not start: {reason}</source>
        <translation>BTT Speed no se inició: {reason}</translation>
    </message>
    <message>
        <source>BTT Speed is on ({sides}) and signs with your wallet, which is locked. Enter the wallet password to start it now, or Cancel to leave it paused until you unlock the wallet.</source>
        <translation>BTT Speed está activado ({sides}) y firma con su monedero, que está bloqueado. Introduzca la contraseña del monedero para iniciarlo ahora, o pulse Cancelar para dejarlo en pausa hasta que desbloquee el monedero.</translation>
    </message>
    <message>
        <source>BTT Speed needs a wallet</source>
        <translation>BTT Speed necesita un monedero</translation>
    </message>
    <message>
        <source>BTT Speed pays from your wallet; a watch-only wallet cannot sign cheques.</source>
        <translation>BTT Speed paga desde su monedero; un monedero de solo lectura no puede firmar cheques.</translation>
    </message>
    <message>
        <source>BTT Speed pays seeders in BTT from your wallet, and there is no wallet yet. Create or restore one in the Wallet section.</source>
        <translation>BTT Speed paga a los sembradores en BTT desde su monedero, y aún no hay ninguno. Cree o restaure uno en la sección Monedero.</translation>
    </message>
    <message>
        <source>BTT Speed signs cheques with your wallet. Enter the wallet password to unlock it.</source>
        <translation>BTT Speed firma cheques con su monedero. Introduzca la contraseña para desbloquearlo.</translation>
    </message>
    <message>
        <source>Open Wallet</source>
        <translation>Abrir monedero</translation>
    </message>
    <message>
        <source>Start BTT Speed</source>
        <translation>Iniciar BTT Speed</translation>
    </message>
    <message>
        <source>buying</source>
        <translation>compra</translation>
    </message>
    <message>
        <source>buying and selling</source>
        <translation>compra y venta</translation>
    </message>
    <message>
        <source>selling</source>
        <translation>venta</translation>
    </message>
</context>
<context>
    <name>SpeedIntroDialog</name>
    <message>
        <source>BTT Speed</source>
        <translation>BTT Speed</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;BTT Speed&lt;/b&gt; is an optional market for upload bandwidth, paid in BTT from your wallet. It is off until you turn it on here.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Buying:&lt;/b&gt; while you download, your client offers seeders BTT for serving you first. It pays only for what it receives, from your Speed vault (BTT you deposit in the vault contract), never more than your maximum price, and never more in a day than your daily cap.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Selling:&lt;/b&gt; while you seed, other people&apos;s bids buy your upload, never below your minimum price; you are paid with signed cheques, cashed into your wallet automatically once they are worth well over the TRX fee of cashing (a setting), or with Cash Out in the wallet&apos;s BTT Speed tab. Non-bidders are still served.&lt;/p&gt;&lt;p&gt;Turning it on opens a Speed port for other clients to reach you. &lt;a href=&quot;{url}&quot;&gt;How BTT Speed works&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;BTT Speed&lt;/b&gt; es un mercado opcional de ancho de banda de subida, pagado en BTT desde su monedero. Está desactivado hasta que lo active aquí.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Compra:&lt;/b&gt; mientras descarga, su cliente ofrece BTT a los sembradores para que le atiendan primero. Solo paga lo que recibe, desde su bóveda de Speed (los BTT que deposita en el contrato de la bóveda), nunca más que su precio máximo ni más al día que su límite diario.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Venta:&lt;/b&gt; mientras siembra, las pujas de otras personas compran su subida, nunca por debajo de su precio mínimo; se le paga con cheques firmados, que se cobran en su monedero automáticamente cuando valen bastante más que la comisión en TRX de cobrarlos (configurable), o con Cobrar en la pestaña BTT Speed del monedero. Quien no puja sigue siendo atendido.&lt;/p&gt;&lt;p&gt;Al activarlo se abre un puerto de Speed para que otros clientes le contacten. &lt;a href=&quot;{url}&quot;&gt;Cómo funciona BTT Speed&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Buy faster downloads</source>
        <translation>Comprar descargas más rápidas</translation>
    </message>
    <message>
        <source>Sell my upload for BTT when seeding</source>
        <translation>Vender mi subida por BTT al sembrar</translation>
    </message>
    <message>
        <source>Pay at most, per GiB (BTT):</source>
        <translation>Pagar como máximo, por GiB (BTT):</translation>
    </message>
    <message>
        <source>Spend at most, per day (BTT):</source>
        <translation>Gastar como máximo, por día (BTT):</translation>
    </message>
    <message>
        <source>Sell for at least, per GiB (BTT):</source>
        <translation>Vender como mínimo a, por GiB (BTT):</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Pay at most</source>
        <translation>Pagar como máximo</translation>
    </message>
    <message>
        <source>Spend at most</source>
        <translation>Gastar como máximo</translation>
    </message>
    <message>
        <source>Sell for at least</source>
        <translation>Vender como mínimo a</translation>
    </message>
</context>
<context>
    <name>SpeedMenu</name>
    <message>
        <source>What Is BTT Speed?…</source>
        <translation>¿Qué es BTT Speed?…</translation>
    </message>
    <message>
        <source>BTT Speed</source>
        <translation>BTT Speed</translation>
    </message>
    <message>
        <source>Unlock the Wallet to Start BTT Speed…</source>
        <translation>Desbloquear el monedero para iniciar BTT Speed…</translation>
    </message>
    <message>
        <source>BTT Speed: pay BTT for faster downloads, earn BTT when seeding (optional)</source>
        <translation>BTT Speed: pague BTT por descargas más rápidas, gane BTT al sembrar (opcional)</translation>
    </message>
</context>
<context>
    <name>SpeedReadout</name>
    <message>
        <source>BTT Speed: not on this network</source>
        <translation>BTT Speed: no disponible en esta red</translation>
    </message>
    <message>
        <source>BTT Speed: off</source>
        <translation>BTT Speed: desactivado</translation>
    </message>
    <message>
        <source>BTT Speed: not running</source>
        <translation>BTT Speed: no está en marcha</translation>
    </message>
    <message>
        <source>BTT Speed: paused until the wallet is unlocked</source>
        <translation>BTT Speed: en pausa hasta desbloquear el monedero</translation>
    </message>
    <message>
        <source>BTT Speed: spending {spent}/min · earning {earned}/min</source>
        <translation>BTT Speed: gasto {spent}/min · ingreso {earned}/min</translation>
    </message>
    <message>
        <source>BTT Speed: buying, spending {spent}/min</source>
        <translation>BTT Speed: comprando, gasto {spent}/min</translation>
    </message>
    <message>
        <source>BTT Speed: selling, earning {earned}/min</source>
        <translation>BTT Speed: vendiendo, ingreso {earned}/min</translation>
    </message>
    <message>
        <source>{readout} (wallet locked)</source>
        <translation>{readout} (monedero bloqueado)</translation>
    </message>
    <message>
        <source>Spent in all {spent} BTT for {bought} bought; earned {earned} BTT ({pending} BTT to cash)</source>
        <translation>Gastado en total {spent} BTT por {bought} comprados; ganado {earned} BTT ({pending} BTT por cobrar)</translation>
    </message>
</context>
<context>
    <name>SpeedSettingsPage</name>
    <message>
        <source>How much of the spendable vault balance one download may bid</source>
        <translation>Cuánto del saldo disponible de la bóveda puede pujar una descarga</translation>
    </message>
    <message>
        <source>Buying</source>
        <translation>Compra</translation>
    </message>
    <message>
        <source>Maximum price per GiB (BTT):</source>
        <translation>Precio máximo por GiB (BTT):</translation>
    </message>
    <message>
        <source>Maximum spend per day (BTT):</source>
        <translation>Gasto máximo por día (BTT):</translation>
    </message>
    <message>
        <source>Spending rate:</source>
        <translation>Ritmo de gasto:</translation>
    </message>
    <message>
        <source>Buy faster downloads: bid BTT to seeders</source>
        <translation>Comprar descargas más rápidas: pujar BTT a los sembradores</translation>
    </message>
    <message>
        <source>Sell my upload for BTT when seeding</source>
        <translation>Vender mi subida por BTT al sembrar</translation>
    </message>
    <message>
        <source>Cheques are cashed automatically once this much is owed by one vault; 0: only by hand</source>
        <translation>Los cheques se cobran automáticamente cuando una bóveda debe esta cantidad; 0: solo a mano</translation>
    </message>
    <message>
        <source>Cashing costs TRX: cash a vault&apos;s cheques only once they are worth this many times the fee</source>
        <translation>Cobrar cuesta TRX: cobrar los cheques de una bóveda solo cuando valgan esta cantidad de veces la comisión</translation>
    </message>
    <message>
        <source>Your own rate, to compare a fee in TRX with BTT (the client has no price feed)</source>
        <translation>Su propio tipo de cambio, para comparar una comisión en TRX con BTT (el cliente no consulta precios)</translation>
    </message>
    <message>
        <source>A finished torrent keeps seeding, queue or no queue, while Speed earns at least this much an hour on it; 0: no such rule</source>
        <translation>Un torrent terminado sigue compartiéndose, con cola o sin ella, mientras Speed gane con él al menos esta cantidad por hora; 0: sin esta regla</translation>
    </message>
    <message>
        <source>Selling</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Reserve price per GiB (BTT):</source>
        <translation>Precio mínimo por GiB (BTT):</translation>
    </message>
    <message>
        <source>Speed slots per torrent:</source>
        <translation>Huecos Speed por torrent:</translation>
    </message>
    <message>
        <source>Keep seeding while it earns (BTT/h):</source>
        <translation>Seguir compartiendo mientras gane (BTT/h):</translation>
    </message>
    <message>
        <source>Cash out at (BTT):</source>
        <translation>Cobrar a partir de (BTT):</translation>
    </message>
    <message>
        <source>Only when worth (× fee):</source>
        <translation>Solo si compensa (× comisión):</translation>
    </message>
    <message>
        <source>BTT Speed is optional: buying pays seeders BTT from your vault for faster downloads, selling earns BTT from downloaders&apos; bids when you seed. Both are off until you turn them on, and pause while the wallet is locked unless you keep BTT Speed running (below).</source>
        <translation>BTT Speed es opcional: la compra paga BTT a los sembradores desde su bóveda por descargas más rápidas, la venta gana BTT con las pujas de quienes descargan cuando usted siembra. Ambas están desactivadas hasta que las active, y se pausan con el monedero bloqueado salvo que mantenga BTT Speed en marcha (abajo).</translation>
    </message>
    <message>
        <source>BTT per TRX:</source>
        <translation>BTT por TRX:</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>cualquier puerto libre</translation>
    </message>
    <message>
        <source>Keep BTT Speed running while the wallet is locked</source>
        <translation>Mantener BTT Speed en marcha con el monedero bloqueado</translation>
    </message>
    <message>
        <source>BTT Speed then keeps your account&apos;s signing key in memory after the wallet locks, so a seeder goes on earning; otherwise a lock pauses BTT Speed until the wallet is unlocked again.</source>
        <translation>BTT Speed conserva entonces en memoria la clave de firma de su cuenta tras bloquearse el monedero, así un sembrador sigue ganando; si no, un bloqueo pausa BTT Speed hasta que se desbloquee el monedero.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Keeps your account&apos;s signing key in memory while the wallet is locked.</source>
        <translation>Conserva en memoria la clave de firma de su cuenta mientras el monedero está bloqueado.</translation>
    </message>
    <message>
        <source>Speed port:</source>
        <translation>Puerto de Speed:</translation>
    </message>
    <message>
        <source>BTT per TRX</source>
        <translation>BTT por TRX</translation>
    </message>
    <message>
        <source>Enter how many BTT one TRX is worth to you.</source>
        <translation>Indique cuántos BTT vale para usted un TRX.</translation>
    </message>
    <message>
        <source>A cash-out costs about {fee} TRX (≈ {fee_btt} BTT at your rate): cheques are cashed automatically from {threshold} BTT per vault.</source>
        <translation>Cobrar cuesta unos {fee} TRX (≈ {fee_btt} BTT a su tipo): los cheques se cobran automáticamente a partir de {threshold} BTT por bóveda.</translation>
    </message>
    <message>
        <source>Maximum price per GiB</source>
        <translation>Precio máximo por GiB</translation>
    </message>
    <message>
        <source>Maximum spend per day</source>
        <translation>Gasto máximo por día</translation>
    </message>
    <message>
        <source>Reserve price per GiB</source>
        <translation>Precio mínimo por GiB</translation>
    </message>
    <message>
        <source>Keep seeding while it earns</source>
        <translation>Seguir compartiendo mientras gane</translation>
    </message>
    <message>
        <source>Cash out at</source>
        <translation>Cobrar a partir de</translation>
    </message>
    <message>
        <source>BTT Speed</source>
        <translation>BTT Speed</translation>
    </message>
</context>
<context>
    <name>SpeedSwitch</name>
    <message>
        <source>Sell My Upload for BTT</source>
        <translation>Vender mi subida por BTT</translation>
    </message>
    <message>
        <source>Buy Faster Downloads</source>
        <translation>Comprar descargas más rápidas</translation>
    </message>
    <message>
        <source>BTT Speed is on but not running: {reason}</source>
        <translation>BTT Speed está activado pero no en marcha: {reason}</translation>
    </message>
    <message>
        <source>BTT Speed is on, paused until the wallet is unlocked</source>
        <translation>BTT Speed está activado, en pausa hasta desbloquear el monedero</translation>
    </message>
    <message>
        <source>Selling: other people&apos;s BTT bids buy your upload when you seed (click to stop)</source>
        <translation>Venta: las pujas en BTT de otros compran su subida cuando siembra (pulse para detener)</translation>
    </message>
    <message>
        <source>Not selling: click to earn BTT from bids when you seed</source>
        <translation>Sin vender: pulse para ganar BTT con pujas cuando siembre</translation>
    </message>
    <message>
        <source>Buying: bidding BTT for faster downloads (click to stop)</source>
        <translation>Compra: pujando BTT por descargas más rápidas (pulse para detener)</translation>
    </message>
    <message>
        <source>Not buying: click to bid BTT for faster downloads</source>
        <translation>Sin comprar: pulse para pujar BTT por descargas más rápidas</translation>
    </message>
</context>
<context>
    <name>SpeedTab</name>
    <message>
        <source>Use BTT Speed for this torrent (bid when downloading, sell slots when seeding)</source>
        <translation>Usar BTT Speed en este torrent (pujar al descargar, vender huecos al sembrar)</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Price (BTT/GiB)</source>
        <translation>Precio (BTT/GiB)</translation>
    </message>
    <message>
        <source>To beat (BTT/GiB)</source>
        <translation>A superar (BTT/GiB)</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Comprado</translation>
    </message>
    <message>
        <source>BTT spent</source>
        <translation>BTT gastados</translation>
    </message>
    <message>
        <source>Bidder</source>
        <translation>Pujador</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Bid (BTT/GiB)</source>
        <translation>Puja (BTT/GiB)</translation>
    </message>
    <message>
        <source>Clearing price (BTT/GiB)</source>
        <translation>Precio de adjudicación (BTT/GiB)</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendido</translation>
    </message>
    <message>
        <source>BTT earned</source>
        <translation>BTT ganados</translation>
    </message>
    <message>
        <source>Buying: providers we bid on</source>
        <translation>Compra: proveedores por los que pujamos</translation>
    </message>
    <message>
        <source>Selling: bidders for our upload slots</source>
        <translation>Venta: pujadores por nuestros huecos de subida</translation>
    </message>
    <message>
        <source>BTT Speed is not running. Turn it on in the BTT Speed menu; it needs an unlocked wallet.</source>
        <translation>BTT Speed no está en marcha. Actívelo en el menú BTT Speed; necesita un monedero desbloqueado.</translation>
    </message>
    <message>
        <source>BTT Speed is not running: {reason}</source>
        <translation>BTT Speed no está en marcha: {reason}</translation>
    </message>
    <message>
        <source>Selling is off in the BTT Speed menu.</source>
        <translation>La venta está desactivada en el menú BTT Speed.</translation>
    </message>
    <message>
        <source>No BTT Speed peers on this torrent yet.</source>
        <translation>Aún no hay pares de BTT Speed en este torrent.</translation>
    </message>
    <message>
        <source>BTT Speed is off for this torrent.</source>
        <translation>BTT Speed está desactivado para este torrent.</translation>
    </message>
    <message>
        <source>Not bidding: buying is off in the BTT Speed menu.</source>
        <translation>Sin pujar: la compra está desactivada en el menú BTT Speed.</translation>
    </message>
    <message>
        <source>Demoted ({reason})</source>
        <translation>Relegado ({reason})</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganada</translation>
    </message>
    <message>
        <source>Not bidding now</source>
        <translation>Sin pujar ahora</translation>
    </message>
    <message>
        <source>Outbid</source>
        <translation>Superada</translation>
    </message>
    <message>
        <source>Winner</source>
        <translation>Ganador</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdida</translation>
    </message>
    <message>
        <source>No bids on this torrent yet.</source>
        <translation>Aún no hay pujas en este torrent.</translation>
    </message>
    <message>
        <source>Our bid: {price} BTT/GiB</source>
        <translation>Nuestra puja: {price} BTT/GiB</translation>
    </message>
    <message>
        <source>Bidders: {count} · winners: {winners}</source>
        <translation>Pujadores: {count} · ganadores: {winners}</translation>
    </message>
    <message>
        <source>Earned on this torrent: {amount} BTT</source>
        <translation>Ganado con este torrent: {amount} BTT</translation>
    </message>
    <message>
        <source>No bids right now.</source>
        <translation>No hay pujas ahora mismo.</translation>
    </message>
    <message>
        <source>BTT Speed</source>
        <translation>BTT Speed</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Free space: {size}</source>
        <translation>Espacio libre: {size}</translation>
    </message>
    <message>
        <source>DHT: {nodes} nodes</source>
        <translation>Nodos DHT: {nodes}</translation>
    </message>
    <message>
        <source>DHT: off</source>
        <translation>DHT: desactivado</translation>
    </message>
    <message>
        <source>Port {port}</source>
        <translation>Puerto {port}</translation>
    </message>
    <message>
        <source>Port {wanted} is in use by another program, so peers reach BTT Desktop on port {port} for now. Choose a free port in Settings → Connection to keep one.</source>
        <translation>El puerto {wanted} lo usa otro programa, así que por ahora los pares llegan a BTT Desktop por el puerto {port}. Elija un puerto libre en Configuración → Conexión para conservar uno.</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Add Tags</source>
        <translation>Añadir etiquetas</translation>
    </message>
    <message>
        <source>tag, another tag</source>
        <translation>etiqueta, otra etiqueta</translation>
    </message>
    <message>
        <source>Tags, separated by commas:</source>
        <translation>Etiquetas, separadas por comas:</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
</context>
<context>
    <name>TorrentPanel</name>
    <message>
        <source>Filter torrent names…</source>
        <translation>Filtrar por nombre…</translation>
    </message>
    <message>
        <source>Cannot resume the torrents</source>
        <translation>No se pueden reanudar los torrents</translation>
    </message>
    <message>
        <source>Cannot pause the torrents</source>
        <translation>No se pueden pausar los torrents</translation>
    </message>
    <message>
        <source>Cannot recheck the torrents</source>
        <translation>No se pueden verificar los torrents</translation>
    </message>
    <message>
        <source>Cannot move the torrents up in the queue</source>
        <translation>No se pueden mover arriba los torrents en la cola</translation>
    </message>
    <message>
        <source>Cannot move the torrents down in the queue</source>
        <translation>No se pueden mover abajo los torrents en la cola</translation>
    </message>
    <message>
        <source>Cannot reannounce the torrents</source>
        <translation>No se puede forzar la recomunicación de los torrents</translation>
    </message>
    <message>
        <source>Cannot remove the torrents</source>
        <translation>No se pueden eliminar los torrents</translation>
    </message>
    <message>
        <source>Move Storage To</source>
        <translation>Mover almacenamiento a</translation>
    </message>
    <message>
        <source>Moved to {path}</source>
        <translation>Movido a {path}</translation>
    </message>
    <message>
        <source>Cannot move the files</source>
        <translation>No se pueden mover los archivos</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>La carpeta {path} no existe.</translation>
    </message>
    <message>
        <source>No application here opens folders, so {path} cannot be shown.</source>
        <translation>Aquí ninguna aplicación abre carpetas, así que no se puede mostrar {path}.</translation>
    </message>
    <message>
        <source>Cannot copy the magnet link of {name}: {reason}</source>
        <translation>No se puede copiar el enlace magnet de {name}: {reason}</translation>
    </message>
    <message>
        <source>Magnet link copied</source>
        <translation>Enlace magnet copiado</translation>
    </message>
    <message>
        <source>Cannot set the speed limits</source>
        <translation>No se pueden establecer los límites de velocidad</translation>
    </message>
    <message>
        <source>Cannot change the download order</source>
        <translation>No se puede cambiar el orden de descarga</translation>
    </message>
    <message>
        <source>Cannot add the peers</source>
        <translation>No se pueden añadir los pares</translation>
    </message>
</context>
<context>
    <name>TorrentTableModel</name>
    <message>
        <source>Added On</source>
        <translation>Añadido el</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Verificando</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Down Speed</source>
        <translation>Vel. bajada</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Descargando</translation>
    </message>
    <message>
        <source>Downloading metadata</source>
        <translation>Descargando metadatos</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Earned (BTT)</source>
        <translation>Ganado (BTT)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Moving</source>
        <translation>Moviendo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausado</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pares</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Puesto en cola</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation>Sembrando</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Semillas</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Up Speed</source>
        <translation>Vel. subida</translation>
    </message>
</context>
<context>
    <name>TrackerMenu</name>
    <message>
        <source>Add Trackers…</source>
        <translation>Añadir trackers…</translation>
    </message>
    <message>
        <source>Copy Tracker URL</source>
        <translation>Copiar URL del tracker</translation>
    </message>
    <message>
        <source>Edit Tracker URL…</source>
        <translation>Editar URL del tracker…</translation>
    </message>
    <message>
        <source>Force Reannounce</source>
        <translation>Forzar recomunicación</translation>
    </message>
    <message>
        <source>Remove Tracker</source>
        <translation>Eliminar tracker</translation>
    </message>
    <message>
        <source>To the selected trackers, or to all of them and the DHT</source>
        <translation>A los trackers seleccionados, o a todos ellos y a la DHT</translation>
    </message>
</context>
<context>
    <name>TrackersDialog</name>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add Trackers</source>
        <translation>Añadir trackers</translation>
    </message>
    <message>
        <source>Edit Tracker URL</source>
        <translation>Editar URL del tracker</translation>
    </message>
    <message>
        <source>Not a tracker URL (http, https, udp, ws or wss).</source>
        <translation>No es una URL de tracker (http, https, udp, ws o wss).</translation>
    </message>
    <message>
        <source>Not tracker URLs: {lines}.</source>
        <translation>No son URL de tracker: {lines}.</translation>
    </message>
    <message>
        <source>Tracker URL:</source>
        <translation>URL del tracker:</translation>
    </message>
    <message>
        <source>Trackers for {name}, one URL per line (http, https, udp, ws, wss). A blank line starts the next tier.</source>
        <translation>Trackers para {name}, una URL por línea (http, https, udp, ws, wss). Una línea en blanco empieza el siguiente nivel.</translation>
    </message>
</context>
<context>
    <name>TrackersTab</name>
    <message>
        <source>Disabled</source>
        <translation>Deshabilitado</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Not contacted yet</source>
        <translation>Todavía no contactado</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>No funciona</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pares</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Semillas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>This torrent is private</source>
        <translation>Este torrent es privado</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Actualizando…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Funciona</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show / Hide Window</source>
        <translation>Mostrar / ocultar ventana</translation>
    </message>
    <message>
        <source>{app}
Down: {down}
Up: {up}</source>
        <translation>{app}
Bajada: {down}
Subida: {up}</translation>
    </message>
</context>
<context>
    <name>VaultPanel</name>
    <message>
        <source>Deposit…</source>
        <translation>Depositar…</translation>
    </message>
    <message>
        <source>Announce Withdrawal…</source>
        <translation>Anunciar retirada…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Saldo:</translation>
    </message>
    <message>
        <source>Cheques not cashed yet:</source>
        <translation>Cheques aún sin cobrar:</translation>
    </message>
    <message>
        <source>Withdrawal:</source>
        <translation>Retirada:</translation>
    </message>
    <message>
        <source>Cash Out</source>
        <translation>Cobrar</translation>
    </message>
    <message>
        <source>Downloader (vault)</source>
        <translation>Descargador (bóveda)</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendido</translation>
    </message>
    <message>
        <source>Cheques received</source>
        <translation>Cheques recibidos</translation>
    </message>
    <message>
        <source>Cashed</source>
        <translation>Cobrado</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Not covered</source>
        <translation>Sin cobertura</translation>
    </message>
    <message>
        <source>Earnings by peer</source>
        <translation>Ganancias por par</translation>
    </message>
    <message>
        <source>Seeder</source>
        <translation>Sembrador</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Comprado</translation>
    </message>
    <message>
        <source>Cheques signed</source>
        <translation>Cheques firmados</translation>
    </message>
    <message>
        <source>Cashed by seeder</source>
        <translation>Cobrado por el sembrador</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>Adeudado</translation>
    </message>
    <message>
        <source>Spending by peer</source>
        <translation>Gasto por par</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Unlock Wallet…</source>
        <translation>Desbloquear monedero…</translation>
    </message>
    <message>
        <source>The vault cannot be read: {reason}</source>
        <translation>No se puede leer la bóveda: {reason}</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>{amount} BTT</source>
        <translation>{amount} BTT</translation>
    </message>
    <message>
        <source>none announced</source>
        <translation>ninguna anunciada</translation>
    </message>
    <message>
        <source>{amount} BTT, ready to withdraw</source>
        <translation>{amount} BTT, listos para retirar</translation>
    </message>
    <message>
        <source>{amount} BTT, ready in {time}</source>
        <translation>{amount} BTT, disponibles en {time}</translation>
    </message>
    <message>
        <source>Earned {earned} BTT for {sold} sold · cashed {cashed} BTT · pending {pending} BTT</source>
        <translation>Ganados {earned} BTT por {sold} vendidos · cobrados {cashed} BTT · pendientes {pending} BTT</translation>
    </message>
    <message>
        <source>Spent {spent} BTT for {bought} bought · today {today} BTT · owed {owed} BTT</source>
        <translation>Gastados {spent} BTT por {bought} comprados · hoy {today} BTT · adeudados {owed} BTT</translation>
    </message>
    <message>
        <source>Estimating the fee…</source>
        <translation>Calculando la comisión…</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Aprobación</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Depositar</translation>
    </message>
    <message>
        <source>Move {amount} BTT from your wallet into your BTT Speed vault. Taking it back out needs a withdrawal notice; downloads you buy are paid from it.</source>
        <translation>Mover {amount} BTT de su monedero a su bóveda de BTT Speed. Para sacarlos hace falta anunciar la retirada con antelación; las descargas que compre se pagan desde ella.</translation>
    </message>
    <message>
        <source>An approval lets the vault take exactly this amount; fees are not refunded.</source>
        <translation>Una aprobación permite a la bóveda tomar exactamente este importe; las comisiones no se devuelven.</translation>
    </message>
    <message>
        <source>Deposited {amount} BTT.</source>
        <translation>Depositados {amount} BTT.</translation>
    </message>
    <message>
        <source>Depositing {amount} BTT…</source>
        <translation>Depositando {amount} BTT…</translation>
    </message>
    <message>
        <source>Deposit into the Vault</source>
        <translation>Depositar en la bóveda</translation>
    </message>
    <message>
        <source>Withdrawal cancelled.</source>
        <translation>Retirada cancelada.</translation>
    </message>
    <message>
        <source>Withdrawal of {amount} BTT announced.</source>
        <translation>Retirada de {amount} BTT anunciada.</translation>
    </message>
    <message>
        <source>Announcing…</source>
        <translation>Anunciando…</translation>
    </message>
    <message>
        <source>Announce a Withdrawal</source>
        <translation>Anunciar una retirada</translation>
    </message>
    <message>
        <source>Turn On BTT Speed…</source>
        <translation>Activar BTT Speed…</translation>
    </message>
    <message>
        <source>Vault (pays for BTT Speed)</source>
        <translation>Bóveda (paga BTT Speed)</translation>
    </message>
    <message>
        <source>BTT Speed is running on port {port}, paying from {address}.</source>
        <translation>BTT Speed está en marcha en el puerto {port}, pagando desde {address}.</translation>
    </message>
    <message>
        <source>Networks with a BTT Speed vault: {networks}.</source>
        <translation>Redes con bóveda de BTT Speed: {networks}.</translation>
    </message>
    <message>
        <source>BTT Speed is not running: {reason}</source>
        <translation>BTT Speed no está en marcha: {reason}</translation>
    </message>
    <message>
        <source>BTT Speed is on, paused until the wallet is unlocked.</source>
        <translation>BTT Speed está activado, en pausa hasta desbloquear el monedero.</translation>
    </message>
    <message>
        <source>BTT Speed is off. Buying and selling need an unlocked wallet and BTT Speed turned on.</source>
        <translation>BTT Speed está desactivado. Comprar y vender necesitan un monedero desbloqueado y BTT Speed activado.</translation>
    </message>
    <message>
        <source>Exactly {amount} BTT</source>
        <translation>Exactamente {amount} BTT</translation>
    </message>
    <message>
        <source>Move BTT from your wallet into the vault that pays for BTT Speed.</source>
        <translation>Mover BTT de su monedero a la bóveda que paga BTT Speed.</translation>
    </message>
    <message>
        <source>Cancel the announced withdrawal.</source>
        <translation>Cancelar la retirada anunciada.</translation>
    </message>
    <message>
        <source>Announce a withdrawal of {amount} BTT. It becomes possible {notice} after this is confirmed; seeders may cash your cheques until then.</source>
        <translation>Anunciar una retirada de {amount} BTT. Será posible {notice} después de confirmarse; hasta entonces los sembradores pueden cobrar sus cheques.</translation>
    </message>
    <message>
        <source>Announce</source>
        <translation>Anunciar</translation>
    </message>
    <message>
        <source>Seeders get a notice period to cash your cheques before BTT can leave the vault. Enter the amount to withdraw (0 cancels an announced withdrawal).</source>
        <translation>Los sembradores tienen un plazo de aviso para cobrar sus cheques antes de que los BTT salgan de la bóveda. Introduzca el importe a retirar (0 cancela una retirada anunciada).</translation>
    </message>
    <message>
        <source>Withdraw up to {amount} BTT from the vault into your wallet.</source>
        <translation>Retirar hasta {amount} BTT de la bóveda a su monedero.</translation>
    </message>
    <message>
        <source>Withdrew {amount} BTT to your wallet.</source>
        <translation>Retirados {amount} BTT a su monedero.</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>Retirando…</translation>
    </message>
    <message>
        <source>The fee (about {fee} BTT at your rate) is more than what this cashes.</source>
        <translation>La comisión (unos {fee} BTT a su tipo) es mayor que lo que se cobra.</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Cobro</translation>
    </message>
    <message>
        <source>Cash {amount} BTT of cheques into your wallet.</source>
        <translation>Cobrar {amount} BTT en cheques en su monedero.</translation>
    </message>
    <message>
        <source>Cashing cheques…</source>
        <translation>Cobrando cheques…</translation>
    </message>
    <message>
        <source>Cash out failed: {reason}</source>
        <translation>No se pudo cobrar: {reason}</translation>
    </message>
    <message>
        <source>Cashed {amount} BTT into your wallet.</source>
        <translation>Cobrados {amount} BTT en su monedero.</translation>
    </message>
    <message>
        <source>Nothing to cash: no cheque holds more than was cashed.</source>
        <translation>Nada que cobrar: ningún cheque supera lo ya cobrado.</translation>
    </message>
    <message>
        <source>{amount} BTT bounced: the downloader&apos;s vault does not hold it.</source>
        <translation>{amount} BTT rechazados: la bóveda del descargador no los tiene.</translation>
    </message>
    <message>
        <source>BTT Speed</source>
        <translation>BTT Speed</translation>
    </message>
</context>
<context>
    <name>WalletPane</name>
    <message>
        <source>Wallet</source>
        <translation>Monedero</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Añadir cuenta</translation>
    </message>
    <message>
        <source>Add the next account of this recovery phrase</source>
        <translation>Añadir la siguiente cuenta de esta frase de recuperación</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Cuenta:</translation>
    </message>
    <message>
        <source>Network settings: node URL, API key</source>
        <translation>Configuración de red: URL del nodo, clave de API</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Red:</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Cambiar contraseña…</translation>
    </message>
    <message>
        <source>Export recovery phrase or key…</source>
        <translation>Exportar frase de recuperación o clave…</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>Recordar la contraseña en este ordenador</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>Copiar la dirección</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Enviar…</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Recibir</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Recent transactions</source>
        <translation>Transacciones recientes</translation>
    </message>
    <message>
        <source>Still locked: {reason}</source>
        <translation>Sigue bloqueado: {reason}</translation>
    </message>
    <message>
        <source>The wallet is ready.</source>
        <translation>El monedero está listo.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Desbloqueado</translation>
    </message>
    <message>
        <source>Watch-only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Desbloquear…</translation>
    </message>
    <message>
        <source>A watch-only wallet holds no key and cannot send</source>
        <translation>Un monedero de solo lectura no tiene clave y no puede enviar</translation>
    </message>
    <message>
        <source>Remember the password (not available here)</source>
        <translation>Recordar la contraseña (no disponible aquí)</translation>
    </message>
    <message>
        <source>Checking balances…</source>
        <translation>Consultando saldos…</translation>
    </message>
    <message>
        <source>Exactly {amount} {token}</source>
        <translation>Exactamente {amount} {token}</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Actualizado {time}</translation>
    </message>
    <message>
        <source>Never updated</source>
        <translation>Nunca actualizado</translation>
    </message>
    <message>
        <source>Not up to date: {reason}</source>
        <translation>Sin actualizar: {reason}</translation>
    </message>
    <message>
        <source>(showing the amounts of {time})</source>
        <translation>(se muestran los importes de {time})</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Actualizando…</translation>
    </message>
    <message>
        <source>Added {label}.</source>
        <translation>Añadida {label}.</translation>
    </message>
    <message>
        <source>Rename account</source>
        <translation>Renombrar cuenta</translation>
    </message>
    <message>
        <source>Name of {address}:</source>
        <translation>Nombre de {address}:</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>Bloqueado.</translation>
    </message>
    <message>
        <source>Unlock the wallet</source>
        <translation>Desbloquear el monedero</translation>
    </message>
    <message>
        <source>Enter the wallet password.</source>
        <translation>Introduzca la contraseña del monedero.</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>Desbloqueado.</translation>
    </message>
    <message>
        <source>Change the wallet password</source>
        <translation>Cambiar la contraseña del monedero</translation>
    </message>
    <message>
        <source>Enter the current password.</source>
        <translation>Introduzca la contraseña actual.</translation>
    </message>
    <message>
        <source>The password was changed.</source>
        <translation>La contraseña se ha cambiado.</translation>
    </message>
    <message>
        <source>The password is no longer kept on this computer.</source>
        <translation>La contraseña ya no se guarda en este ordenador.</translation>
    </message>
    <message>
        <source>Remember the password</source>
        <translation>Recordar la contraseña</translation>
    </message>
    <message>
        <source>Enter the wallet password to keep it in the system keyring.</source>
        <translation>Introduzca la contraseña del monedero para guardarla en el llavero del sistema.</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring.</source>
        <translation>La contraseña se guarda en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Address copied.</source>
        <translation>Dirección copiada.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>About BTT Desktop</source>
        <translation>Acerca de BTT Desktop</translation>
    </message>
    <message>
        <source>Add Magnet Link or URL…</source>
        <translation>Añadir enlace magnet o URL…</translation>
    </message>
    <message>
        <source>Add Peers…</source>
        <translation>Añadir pares…</translation>
    </message>
    <message>
        <source>Add Torrent File…</source>
        <translation>Añadir archivo torrent…</translation>
    </message>
    <message>
        <source>Add a .torrent file</source>
        <translation>Añadir un archivo .torrent</translation>
    </message>
    <message>
        <source>Add magnet links or .torrent URLs</source>
        <translation>Añadir enlaces magnet o URL de .torrent</translation>
    </message>
    <message>
        <source>Alternative Speed Limits</source>
        <translation>Límites de velocidad alternativos</translation>
    </message>
    <message>
        <source>Ask the trackers and the DHT for peers now</source>
        <translation>Pedir pares ahora a los trackers y a la DHT</translation>
    </message>
    <message>
        <source>Banned Peers…</source>
        <translation>Pares bloqueados…</translation>
    </message>
    <message>
        <source>Check the downloaded data again</source>
        <translation>Volver a comprobar los datos descargados</translation>
    </message>
    <message>
        <source>Connect to peers you name by IP:port</source>
        <translation>Conectarse a pares indicados por IP:puerto</translation>
    </message>
    <message>
        <source>Copy Magnet Link</source>
        <translation>Copiar enlace magnet</translation>
    </message>
    <message>
        <source>Create Torrent…</source>
        <translation>Crear torrent…</translation>
    </message>
    <message>
        <source>Details Pane</source>
        <translation>Panel de detalles</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Documentación</translation>
    </message>
    <message>
        <source>Download in Sequential Order</source>
        <translation>Descargar en orden secuencial</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Force Reannounce</source>
        <translation>Forzar recomunicación</translation>
    </message>
    <message>
        <source>Force Recheck</source>
        <translation>Forzar verificación</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Limit the speed of the selected torrents</source>
        <translation>Limitar la velocidad de los torrents seleccionados</translation>
    </message>
    <message>
        <source>Make a .torrent from a file or folder</source>
        <translation>Crear un .torrent a partir de un archivo o carpeta</translation>
    </message>
    <message>
        <source>Move Down in Queue</source>
        <translation>Mover abajo en la cola</translation>
    </message>
    <message>
        <source>Move Storage…</source>
        <translation>Mover almacenamiento…</translation>
    </message>
    <message>
        <source>Move Up in Queue</source>
        <translation>Mover arriba en la cola</translation>
    </message>
    <message>
        <source>Move down in the download queue</source>
        <translation>Mover abajo en la cola de descargas</translation>
    </message>
    <message>
        <source>Move the downloaded files to another folder</source>
        <translation>Mover los archivos descargados a otra carpeta</translation>
    </message>
    <message>
        <source>Move up in the download queue</source>
        <translation>Mover arriba en la cola de descargas</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Open the BTT Desktop documentation</source>
        <translation>Abrir la documentación de BTT Desktop</translation>
    </message>
    <message>
        <source>Open the folder that holds the files</source>
        <translation>Abrir la carpeta que contiene los archivos</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Pause All</source>
        <translation>Pausar todos</translation>
    </message>
    <message>
        <source>Pause the selected torrents</source>
        <translation>Pausar los torrents seleccionados</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Remove With Files…</source>
        <translation>Eliminar con los archivos…</translation>
    </message>
    <message>
        <source>Remove the selected torrents</source>
        <translation>Eliminar los torrents seleccionados</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Resume All</source>
        <translation>Reanudar todos</translation>
    </message>
    <message>
        <source>Resume the selected torrents</source>
        <translation>Reanudar los torrents seleccionados</translation>
    </message>
    <message>
        <source>See and unban the peers you banned</source>
        <translation>Ver y desbloquear los pares que ha bloqueado</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
    <message>
        <source>Speed Limits…</source>
        <translation>Límites de velocidad…</translation>
    </message>
    <message>
        <source>Switch to the alternative speed limits</source>
        <translation>Cambiar a los límites de velocidad alternativos</translation>
    </message>
    <message>
        <source>The terms under which you may use and share BTT Desktop</source>
        <translation>Las condiciones en las que puede usar y compartir BTT Desktop</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Barra de herramientas</translation>
    </message>
</context>
<context>
    <name>WindowApp</name>
    <message>
        <source>BTT Speed runs on the daemon; this window drives only its torrents</source>
        <translation>BTT Speed funciona en el demonio; esta ventana solo controla sus torrents</translation>
    </message>
    <message>
        <source>Cannot watch the folder</source>
        <translation>No se puede monitorizar la carpeta</translation>
    </message>
    <message>
        <source>Speed could not start: {reason}</source>
        <translation>Speed no se ha podido iniciar: {reason}</translation>
    </message>
    <message>
        <source>The alternative speed limits apply to this computer; set the daemon&apos;s on the daemon</source>
        <translation>Los límites de velocidad alternativos se aplican a este equipo; los del demonio se ajustan en el demonio</translation>
    </message>
    <message>
        <source>The proxy password could not be read from the OS keyring: {reason}</source>
        <translation>No se pudo leer la contraseña del proxy del llavero del sistema: {reason}</translation>
    </message>
    <message>
        <source>The wallet could not start: {reason}</source>
        <translation>El monedero no se ha podido iniciar: {reason}</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>{count}×</source>
        <translation>{count}×</translation>
    </message>
</context>
</TS>
