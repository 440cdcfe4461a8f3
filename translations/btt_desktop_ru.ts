<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AddFlow</name>
    <message>
        <source>Add Torrent Files</source>
        <translation>Добавить торрент-файлы</translation>
    </message>
    <message>
        <source>Torrent files (*.torrent);;All files (*)</source>
        <translation>Торрент-файлы (*.torrent);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Downloading {url}…</source>
        <translation>Загрузка {url}…</translation>
    </message>
    <message>
        <source>{name} is already in the list, with all the trackers of the new source.</source>
        <translation>{name} уже есть в списке, со всеми трекерами из нового источника.</translation>
    </message>
    <message>
        <source>{name} is already in the list; trackers are not merged into a private torrent.</source>
        <translation>{name} уже есть в списке; в частный торрент трекеры не объединяются.</translation>
    </message>
    <message>
        <source>Torrent Already in the List</source>
        <translation>Торрент уже есть в списке</translation>
    </message>
    <message>
        <source>{name} is already in the list. Merge trackers from the new source?</source>
        <translation>{name} уже есть в списке. Объединить трекеры из нового источника?</translation>
    </message>
    <message>
        <source>New trackers: {urls}</source>
        <translation>Новые трекеры: {urls}</translation>
    </message>
    <message>
        <source>Merge Trackers</source>
        <translation>Объединить трекеры</translation>
    </message>
    <message>
        <source>Don&apos;t Merge</source>
        <translation>Не объединять</translation>
    </message>
    <message>
        <source>{count} trackers merged into {name}</source>
        <translation>Трекеров добавлено в {name}: {count}</translation>
    </message>
</context>
<context>
    <name>AddLinksDialog</name>
    <message>
        <source>Add Magnet Links or URLs</source>
        <translation>Добавить магнит-ссылки или URL</translation>
    </message>
    <message>
        <source>One magnet link, info hash or .torrent URL per line:</source>
        <translation>По одной магнит-ссылке, инфо-хешу или URL файла .torrent в строке:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>{first} (and {more} more)</source>
        <translation>{first} (и ещё {more})</translation>
    </message>
    <message>
        <source>Enter at least one link.</source>
        <translation>Введите хотя бы одну ссылку.</translation>
    </message>
</context>
<context>
    <name>AddPeersDialog</name>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add Peers</source>
        <translation>Добавить пиры</translation>
    </message>
    <message>
        <source>Banned Peers</source>
        <translation>Заблокированные пиры</translation>
    </message>
    <message>
        <source>No peer is banned.</source>
        <translation>Заблокированных пиров нет.</translation>
    </message>
    <message>
        <source>Not IP:port: {lines}.</source>
        <translation>Не в формате IP:порт: {lines}.</translation>
    </message>
    <message>
        <source>Peers from these addresses are refused, in every torrent.</source>
        <translation>Пиры с этих адресов отклоняются во всех торрентах.</translation>
    </message>
    <message>
        <source>Peers to connect to for {name}, one IP:port per line (an IPv6 address in brackets):</source>
        <translation>Пиры для подключения к {name}, по одному IP:порт в строке (адрес IPv6 в квадратных скобках):</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>Разблокировать</translation>
    </message>
</context>
<context>
    <name>AddTorrentDialog</name>
    <message>
        <source>Add Torrent</source>
        <translation>Добавить торрент</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Start paused</source>
        <translation>Не запускать сразу</translation>
    </message>
    <message>
        <source>Download in sequential order</source>
        <translation>Загружать последовательно</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Pick a category, or type a new one</source>
        <translation>Выберите категорию или введите новую</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Через запятую</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Размер:</translation>
    </message>
    <message>
        <source>Info hash:</source>
        <translation>Инфо-хеш:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Save at:</source>
        <translation>Путь сохранения:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Категория:</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Выбрать все</translation>
    </message>
    <message>
        <source>Select None</source>
        <translation>Снять выбор</translation>
    </message>
    <message>
        <source>Retrieving metadata…</source>
        <translation>Получение метаданных…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>(name not known yet)</source>
        <translation>(имя пока неизвестно)</translation>
    </message>
    <message>
        <source>unknown until metadata arrives</source>
        <translation>неизвестно до получения метаданных</translation>
    </message>
    <message>
        <source>Cannot retrieve metadata: {reason}</source>
        <translation>Не удаётся получить метаданные: {reason}</translation>
    </message>
    <message>
        <source>{wanted} (of {total})</source>
        <translation>{wanted} (из {total})</translation>
    </message>
    <message>
        <source>Choose a folder to save into.</source>
        <translation>Выберите папку для сохранения.</translation>
    </message>
    <message>
        <source>Give the full path of a folder, starting at the root.</source>
        <translation>Укажите полный путь к папке, начиная с корня.</translation>
    </message>
    <message>
        <source>This path runs through a file, so no folder can be made there.</source>
        <translation>Этот путь проходит через файл, поэтому создать там папку нельзя.</translation>
    </message>
    <message>
        <source>This folder cannot be written to: choose one of yours.</source>
        <translation>В эту папку нельзя записывать: выберите одну из своих.</translation>
    </message>
    <message>
        <source>This disk has not enough free space for the selected files.</source>
        <translation>На этом диске недостаточно места для выбранных файлов.</translation>
    </message>
    <message>
        <source>Choose save folder</source>
        <translation>Выберите папку для сохранения</translation>
    </message>
    <message>
        <source>Free space: {size}</source>
        <translation>Свободно: {size}</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <source>Amount in BTT</source>
        <translation>Сумма в BTT</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>Edit Category</source>
        <translation>Изменить категорию</translation>
    </message>
    <message>
        <source>New Category</source>
        <translation>Новая категория</translation>
    </message>
    <message>
        <source>The default save path</source>
        <translation>Путь сохранения по умолчанию</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Save path:</source>
        <translation>Путь сохранения:</translation>
    </message>
    <message>
        <source>There is a category of that name already.</source>
        <translation>Категория с таким именем уже есть.</translation>
    </message>
    <message>
        <source>Choose the category&apos;s folder</source>
        <translation>Выберите папку категории</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change the wallet password</source>
        <translation>Сменить пароль кошелька</translation>
    </message>
    <message>
        <source>Choose the new password. The current one is asked next.</source>
        <translation>Задайте новый пароль. Затем будет запрошен текущий.</translation>
    </message>
</context>
<context>
    <name>CheckedLinesDialog</name>
    <message>
        <source>{lines} and {count} more</source>
        <translation>{lines} и ещё {count}</translation>
    </message>
</context>
<context>
    <name>ConfirmSendDialog</name>
    <message>
        <source>Confirm the transfer</source>
        <translation>Подтвердите перевод</translation>
    </message>
    <message>
        <source>Send {amount} {token}?</source>
        <translation>Отправить {amount} {token}?</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>От:</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Сеть:</translation>
    </message>
    <message>
        <source>Network fee:</source>
        <translation>Комиссия сети:</translation>
    </message>
    <message>
        <source>Transfers cannot be undone. Check the address: funds sent to a wrong address are lost.</source>
        <translation>Перевод нельзя отменить. Проверьте адрес: средства, отправленные на неверный адрес, будут потеряны.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
</context>
<context>
    <name>ConfirmSpendDialog</name>
    <message>
        <source>Network: {network}</source>
        <translation>Сеть: {network}</translation>
    </message>
    <message>
        <source>{step}: up to {fee} TRX ({energy} energy)</source>
        <translation>{step}: до {fee} TRX ({energy} энергии)</translation>
    </message>
    <message>
        <source>Total fee: up to {fee} TRX</source>
        <translation>Всего комиссий: до {fee} TRX</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to Daemon</source>
        <translation>Подключение к демону</translation>
    </message>
    <message>
        <source>Drive the torrents of a BTT daemon (btt daemon) from this window. BTT Speed and the wallet stay on this computer.</source>
        <translation>Управлять торрентами демона BTT (btt daemon) из этого окна. BTT Speed и кошелёк остаются на этом компьютере.</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>Запомнить пароль на этом компьютере</translation>
    </message>
    <message>
        <source>No secure OS keyring: {reason}</source>
        <translation>Нет защищённого хранилища ключей ОС: {reason}</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
</context>
<context>
    <name>CreateTorrentDialog</name>
    <message>
        <source>Create Torrent</source>
        <translation>Создать торрент</translation>
    </message>
    <message>
        <source>File or folder to share</source>
        <translation>Файл или папка для раздачи</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Файл…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Папка…</translation>
    </message>
    <message>
        <source>One tracker URL per line</source>
        <translation>По одному URL трекера в строке</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>v1 (works with every client)</source>
        <translation>v1 (работает с любым клиентом)</translation>
    </message>
    <message>
        <source>Hybrid (v1 and v2)</source>
        <translation>Гибридный (v1 и v2)</translation>
    </message>
    <message>
        <source>v2 only</source>
        <translation>Только v2</translation>
    </message>
    <message>
        <source>Private torrent (no DHT, PeX or LSD)</source>
        <translation>Частный торрент (без DHT, PeX и LSD)</translation>
    </message>
    <message>
        <source>Start seeding when done</source>
        <translation>Начать раздачу после создания</translation>
    </message>
    <message>
        <source>Share:</source>
        <translation>Раздать:</translation>
    </message>
    <message>
        <source>Trackers:</source>
        <translation>Трекеры:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Piece size:</source>
        <translation>Размер части:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Choose a folder to share</source>
        <translation>Выберите папку для раздачи</translation>
    </message>
    <message>
        <source>Choose a file to share</source>
        <translation>Выберите файл для раздачи</translation>
    </message>
    <message>
        <source>Choose a file or folder to share first.</source>
        <translation>Сначала выберите файл или папку для раздачи.</translation>
    </message>
    <message>
        <source>Save torrent as</source>
        <translation>Сохранить торрент как</translation>
    </message>
    <message>
        <source>Torrent files (*.torrent)</source>
        <translation>Торрент-файлы (*.torrent)</translation>
    </message>
    <message>
        <source>Hashing…</source>
        <translation>Хеширование…</translation>
    </message>
    <message>
        <source>Created {path} ({size}, {pieces} pieces)</source>
        <translation>Создан {path} ({size}, частей: {pieces})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Пиры</translation>
    </message>
    <message>
        <source>Trackers</source>
        <translation>Трекеры</translation>
    </message>
    <message>
        <source>Select a torrent to see its details.</source>
        <translation>Выберите торрент, чтобы увидеть сведения о нём.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export secrets</source>
        <translation>Экспорт секретных данных</translation>
    </message>
    <message>
        <source>Recovery phrase (all accounts)</source>
        <translation>Фраза восстановления (все счета)</translation>
    </message>
    <message>
        <source>Private key of {label}</source>
        <translation>Закрытый ключ {label}</translation>
    </message>
    <message>
        <source>Keystore file of {label} (TronLink, web3)</source>
        <translation>Файл keystore {label} (TronLink, web3)</translation>
    </message>
    <message>
        <source>This wallet was imported from a key: it has no recovery phrase.</source>
        <translation>Этот кошелёк импортирован из ключа: у него нет фразы восстановления.</translation>
    </message>
    <message>
        <source>Anyone who sees these can take all the funds. Show them only on a computer you trust, with nobody watching, and never send them to anyone: no support team will ever ask for them.</source>
        <translation>Любой, кто их увидит, сможет забрать все средства. Показывайте их только на доверенном компьютере, когда никто не смотрит, и никогда никому не отправляйте: ни одна служба поддержки их не попросит.</translation>
    </message>
    <message>
        <source>Encrypt the keystore file with another password</source>
        <translation>Зашифровать файл keystore другим паролем</translation>
    </message>
    <message>
        <source>Show…</source>
        <translation>Показать…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Hide and close</source>
        <translation>Скрыть и закрыть</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Enter the wallet password to continue.</source>
        <translation>Введите пароль кошелька, чтобы продолжить.</translation>
    </message>
    <message>
        <source>Save the keystore file</source>
        <translation>Сохранить файл keystore</translation>
    </message>
    <message>
        <source>Keystore files (*.json)</source>
        <translation>Файлы keystore (*.json)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>Не удаётся записать {path}: {reason}</translation>
    </message>
    <message>
        <source>Keystore saved</source>
        <translation>Keystore сохранён</translation>
    </message>
    <message>
        <source>TronLink and other wallets open it with its password. Keep it as safe as the password itself.</source>
        <translation>TronLink и другие кошельки открывают его с паролем. Храните его так же надёжно, как сам пароль.</translation>
    </message>
    <message>
        <source>Recovery phrase</source>
        <translation>Фраза восстановления</translation>
    </message>
    <message>
        <source>This wallet also uses a BIP39 passphrase: without it these words restore a different, empty wallet.</source>
        <translation>Этот кошелёк также использует парольную фразу BIP39: без неё эти слова восстановят другой, пустой кошелёк.</translation>
    </message>
    <message>
        <source>Write them on paper, in this order.</source>
        <translation>Запишите их на бумаге в этом порядке.</translation>
    </message>
    <message>
        <source>Private key of {address}</source>
        <translation>Закрытый ключ {address}</translation>
    </message>
    <message>
        <source>It controls this one account.</source>
        <translation>Он управляет только этим счётом.</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in {n} seconds.</source>
        <translation>Скопировано. Буфер обмена будет очищен через {n} с.</translation>
    </message>
</context>
<context>
    <name>FileTreeModel</name>
    <message>
        <source>Do not download</source>
        <translation>Не загружать</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Низкий</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Смешанный</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Прогресс</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open Containing Folder</source>
        <translation>Открыть папку размещения</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Set up your wallet</source>
        <translation>Настройка кошелька</translation>
    </message>
    <message>
        <source>The wallet holds TRX and BTT on the TRON network: BTT pays for faster downloads and receives what you earn by seeding. It lives on this computer, protected by a password.</source>
        <translation>Кошелёк хранит TRX и BTT в сети TRON: BTT оплачивает ускоренную загрузку и получает заработанное на раздаче. Он находится на этом компьютере и защищён паролем.</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>Создать новый кошелёк</translation>
    </message>
    <message>
        <source>Restore or import a wallet</source>
        <translation>Восстановить или импортировать кошелёк</translation>
    </message>
    <message>
        <source>You get a new recovery phrase (12 or 24 words) to write down on paper.</source>
        <translation>Вы получите новую фразу восстановления (12 или 24 слова), которую нужно записать на бумаге.</translation>
    </message>
    <message>
        <source>From a recovery phrase, a private key, a TronLink keystore file, or an address to watch.</source>
        <translation>Из фразы восстановления, закрытого ключа, файла keystore TronLink или адреса для наблюдения.</translation>
    </message>
    <message>
        <source>Your recovery phrase</source>
        <translation>Ваша фраза восстановления</translation>
    </message>
    <message>
        <source>Number of words:</source>
        <translation>Число слов:</translation>
    </message>
    <message>
        <source>12 words</source>
        <translation>12 слов</translation>
    </message>
    <message>
        <source>24 words</source>
        <translation>24 слова</translation>
    </message>
    <message>
        <source>Write these words on paper, in this order, and keep the paper somewhere safe. The order matters. Never type them into a website, never share them and never photograph them: anyone who has these words has your funds. They are the only way back into this wallet if this computer is lost.</source>
        <translation>Запишите эти слова на бумаге в этом порядке и храните её в надёжном месте. Порядок важен. Никогда не вводите их на сайтах, никому не сообщайте и не фотографируйте: у того, кто знает эти слова, есть доступ к вашим средствам. Это единственный способ вернуть кошелёк, если компьютер будет утерян.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>I have written them down</source>
        <translation>Я их записал</translation>
    </message>
    <message>
        <source>Check your paper</source>
        <translation>Проверьте запись</translation>
    </message>
    <message>
        <source>Type these words from your paper, to be sure it was written correctly.</source>
        <translation>Введите эти слова с вашей бумаги, чтобы убедиться, что они записаны верно.</translation>
    </message>
    <message>
        <source>Show the words again</source>
        <translation>Показать слова снова</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Recovery phrase</source>
        <translation>Фраза восстановления</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Закрытый ключ</translation>
    </message>
    <message>
        <source>Keystore file</source>
        <translation>Файл keystore</translation>
    </message>
    <message>
        <source>Watch an address</source>
        <translation>Наблюдать за адресом</translation>
    </message>
    <message>
        <source>It also has a BIP39 passphrase (extra word)</source>
        <translation>У него есть и парольная фраза BIP39 (дополнительное слово)</translation>
    </message>
    <message>
        <source>Passphrase, exactly as it was set</source>
        <translation>Парольная фраза, в точности как была задана</translation>
    </message>
    <message>
        <source>64 hexadecimal digits</source>
        <translation>64 шестнадцатеричные цифры</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Закрытый ключ:</translation>
    </message>
    <message>
        <source>TronLink or Ethereum keystore (JSON)</source>
        <translation>Keystore TronLink или Ethereum (JSON)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Its password:</source>
        <translation>Его пароль:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>A watch-only wallet shows balances and transactions but cannot send.</source>
        <translation>Кошелёк только для просмотра показывает балансы и транзакции, но не может отправлять.</translation>
    </message>
    <message>
        <source>Protect the wallet with a password</source>
        <translation>Защитите кошелёк паролем</translation>
    </message>
    <message>
        <source>The password encrypts the wallet on this computer. It is asked before sending and before showing secrets. Without it, only the recovery phrase or key can restore the wallet.</source>
        <translation>Пароль шифрует кошелёк на этом компьютере. Он запрашивается перед отправкой и перед показом секретных данных. Без него восстановить кошелёк можно только по фразе восстановления или ключу.</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>Запомнить пароль на этом компьютере</translation>
    </message>
    <message>
        <source>Looking for the system keyring…</source>
        <translation>Поиск системной связки ключей…</translation>
    </message>
    <message>
        <source>Create wallet</source>
        <translation>Создать кошелёк</translation>
    </message>
    <message>
        <source>Word {n}:</source>
        <translation>Слово {n}:</translation>
    </message>
    <message>
        <source>Word {n} does not match. Check your paper: the words and their order must be exact.</source>
        <translation>Слово {n} не совпадает. Проверьте запись: слова и их порядок должны быть точными.</translation>
    </message>
    <message>
        <source>Watch this address</source>
        <translation>Наблюдать за этим адресом</translation>
    </message>
    <message>
        <source>Choose a keystore file</source>
        <translation>Выберите файл keystore</translation>
    </message>
    <message>
        <source>Restore wallet</source>
        <translation>Восстановить кошелёк</translation>
    </message>
    <message>
        <source>Paste the private key first.</source>
        <translation>Сначала вставьте закрытый ключ.</translation>
    </message>
    <message>
        <source>Import key</source>
        <translation>Импортировать ключ</translation>
    </message>
    <message>
        <source>Choose the keystore file first.</source>
        <translation>Сначала выберите файл keystore.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>Не удаётся прочитать {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is too large to be a keystore file.</source>
        <translation>{path} слишком велик для файла keystore.</translation>
    </message>
    <message>
        <source>Import keystore</source>
        <translation>Импортировать keystore</translation>
    </message>
    <message>
        <source>Kept in {backend}; the wallet then opens unlocked.</source>
        <translation>Хранится в {backend}; кошелёк будет открываться разблокированным.</translation>
    </message>
    <message>
        <source>Not available: {reason}</source>
        <translation>Недоступно: {reason}</translation>
    </message>
    <message>
        <source>Encrypting the wallet…</source>
        <translation>Шифрование кошелька…</translation>
    </message>
    <message>
        <source>Wrong password for the keystore file.</source>
        <translation>Неверный пароль файла keystore.</translation>
    </message>
    <message>
        <source>The password is not remembered: {reason}</source>
        <translation>Пароль не сохранён: {reason}</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>{d}d {h}h</source>
        <translation>{d} д {h} ч</translation>
    </message>
    <message>
        <source>{h}h {m}m</source>
        <translation>{h} ч {m} мин</translation>
    </message>
    <message>
        <source>{m}m {s}s</source>
        <translation>{m} мин {s} с</translation>
    </message>
    <message>
        <source>{size}/s</source>
        <translation>{size}/с</translation>
    </message>
    <message>
        <source>{s}s</source>
        <translation>{s} с</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>Transfer</source>
        <translation>Передача</translation>
    </message>
    <message>
        <source>Time active:</source>
        <translation>Время работы:</translation>
    </message>
    <message>
        <source>Downloaded:</source>
        <translation>Загружено:</translation>
    </message>
    <message>
        <source>Uploaded:</source>
        <translation>Отдано:</translation>
    </message>
    <message>
        <source>Share ratio:</source>
        <translation>Рейтинг раздачи:</translation>
    </message>
    <message>
        <source>Download speed:</source>
        <translation>Скорость загрузки:</translation>
    </message>
    <message>
        <source>Upload speed:</source>
        <translation>Скорость отдачи:</translation>
    </message>
    <message>
        <source>Limits (down / up):</source>
        <translation>Ограничения (загр. / отд.):</translation>
    </message>
    <message>
        <source>Seeds / peers:</source>
        <translation>Сиды / пиры:</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Информация</translation>
    </message>
    <message>
        <source>Total size:</source>
        <translation>Общий размер:</translation>
    </message>
    <message>
        <source>Pieces:</source>
        <translation>Части:</translation>
    </message>
    <message>
        <source>Availability:</source>
        <translation>Доступно:</translation>
    </message>
    <message>
        <source>Added on:</source>
        <translation>Дата добавления:</translation>
    </message>
    <message>
        <source>Completed on:</source>
        <translation>Дата завершения:</translation>
    </message>
    <message>
        <source>Info hash v1:</source>
        <translation>Инфо-хеш v1:</translation>
    </message>
    <message>
        <source>Info hash v2:</source>
        <translation>Инфо-хеш v2:</translation>
    </message>
    <message>
        <source>Save path:</source>
        <translation>Путь сохранения:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>Создан программой:</translation>
    </message>
    <message>
        <source>Private:</source>
        <translation>Частный:</translation>
    </message>
    <message>
        <source>{active} (seeding {seeding})</source>
        <translation>{active} (раздача {seeding})</translation>
    </message>
    <message>
        <source>{count} × {size} (have {have})</source>
        <translation>{count} × {size} (есть {have})</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>Н/Д</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
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
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>No documentation is installed.</source>
        <translation>Документация не установлена.</translation>
    </message>
    <message>
        <source>About BTT Desktop</source>
        <translation>О программе BTT Desktop</translation>
    </message>
    <message>
        <source>{app} {version}
A BitTorrent client with a TRON wallet.</source>
        <translation>{app} {version}
BitTorrent-клиент с кошельком TRON.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>From / to / contract</source>
        <translation>От / кому / контракт</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Комиссия</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Amount {amount}</source>
        <translation>Сумма {amount}</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Разрешение</translation>
    </message>
    <message>
        <source>Call: {function}</source>
        <translation>Вызов: {function}</translation>
    </message>
    <message>
        <source>Cheque cashed</source>
        <translation>Чек обналичен</translation>
    </message>
    <message>
        <source>Cheques cashed</source>
        <translation>Чеки обналичены</translation>
    </message>
    <message>
        <source>Contract call</source>
        <translation>Вызов контракта</translation>
    </message>
    <message>
        <source>Contract deployed</source>
        <translation>Контракт развёрнут</translation>
    </message>
    <message>
        <source>Contract {address}</source>
        <translation>Контракт {address}</translation>
    </message>
    <message>
        <source>Double-click to copy the transaction ID</source>
        <translation>Двойной щелчок копирует ID транзакции</translation>
    </message>
    <message>
        <source>Failed ({result}): {reason}</source>
        <translation>Ошибка ({result}): {reason}</translation>
    </message>
    <message>
        <source>Function {name}</source>
        <translation>Функция {name}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Transaction {txid}</source>
        <translation>Транзакция {txid}</translation>
    </message>
    <message>
        <source>Vault deposit</source>
        <translation>Пополнение хранилища</translation>
    </message>
    <message>
        <source>Vault withdrawal</source>
        <translation>Вывод из хранилища</translation>
    </message>
    <message>
        <source>Withdrawal notice</source>
        <translation>Уведомление о выводе</translation>
    </message>
    <message>
        <source>contract {address}</source>
        <translation>контракт {address}</translation>
    </message>
    <message>
        <source>from {address}</source>
        <translation>от {address}</translation>
    </message>
    <message>
        <source>to {address}</source>
        <translation>кому: {address}</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ Ошибка</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждена</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>No transactions yet.</source>
        <translation>Транзакций пока нет.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Not loaded: the node cannot be reached.</source>
        <translation>Не загружено: узел недоступен.</translation>
    </message>
    <message>
        <source>Transactions unavailable: {reason}</source>
        <translation>Транзакции недоступны: {reason}</translation>
    </message>
    <message>
        <source>Saved list: the node did not answer ({reason}).</source>
        <translation>Сохранённый список: узел не ответил ({reason}).</translation>
    </message>
    <message>
        <source>Partial history: {reason}</source>
        <translation>Неполная история: {reason}</translation>
    </message>
</context>
<context>
    <name>LabelActions</name>
    <message>
        <source>Export .torrent…</source>
        <translation>Экспорт .torrent…</translation>
    </message>
    <message>
        <source>Super Seeding Mode</source>
        <translation>Режим суперсида</translation>
    </message>
    <message>
        <source>Offer each peer pieces nobody else has, to spread a new torrent quickly</source>
        <translation>Предлагать каждому пиру части, которых больше ни у кого нет, чтобы быстро распространить новый торрент</translation>
    </message>
    <message>
        <source>Cannot read the categories and tags</source>
        <translation>Не удаётся прочитать категории и метки</translation>
    </message>
    <message>
        <source>Add Category…</source>
        <translation>Добавить категорию…</translation>
    </message>
    <message>
        <source>Edit Category…</source>
        <translation>Изменить категорию…</translation>
    </message>
    <message>
        <source>Remove Category</source>
        <translation>Удалить категорию</translation>
    </message>
    <message>
        <source>Cannot remove the category</source>
        <translation>Не удаётся удалить категорию</translation>
    </message>
    <message>
        <source>Add Tag…</source>
        <translation>Добавить метку…</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>Удалить метку</translation>
    </message>
    <message>
        <source>Cannot remove the tag</source>
        <translation>Не удаётся удалить метку</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Новая…</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Remove All</source>
        <translation>Удалить все</translation>
    </message>
    <message>
        <source>Cannot remove the tags</source>
        <translation>Не удаётся удалить метки</translation>
    </message>
    <message>
        <source>Cannot set the category</source>
        <translation>Не удаётся задать категорию</translation>
    </message>
    <message>
        <source>Cannot add the tag</source>
        <translation>Не удаётся добавить метку</translation>
    </message>
    <message>
        <source>Cannot add the category</source>
        <translation>Не удаётся добавить категорию</translation>
    </message>
    <message>
        <source>Cannot change the category</source>
        <translation>Не удаётся изменить категорию</translation>
    </message>
    <message>
        <source>Cannot add the tags</source>
        <translation>Не удаётся добавить метки</translation>
    </message>
    <message>
        <source>Cannot change super seeding</source>
        <translation>Не удаётся изменить режим суперсида</translation>
    </message>
    <message>
        <source>Cannot export the .torrent file</source>
        <translation>Не удаётся экспортировать файл .torrent</translation>
    </message>
    <message>
        <source>Export .torrent</source>
        <translation>Экспорт .torrent</translation>
    </message>
    <message>
        <source>Torrent files (*.torrent)</source>
        <translation>Торрент-файлы (*.torrent)</translation>
    </message>
    <message>
        <source>Export .torrent Files to a Folder</source>
        <translation>Экспорт файлов .torrent в папку</translation>
    </message>
</context>
<context>
    <name>LabelList</name>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Uncategorised</source>
        <translation>Без категории</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>Без меток</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <extracomment>Language setting -&gt; native name. ``&quot;&quot;`` follows the system; English is the source text.</extracomment>
        <translation>Как в системе</translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>not declared</source>
        <translation>не указана</translation>
    </message>
    <message>
        <source>{app} {version} is free software, licensed under {licence}.</source>
        <translation>{app} {version} — свободная программа. Лицензия: {licence}.</translation>
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
        <translation>Полный текст GNU General Public License, версия 3</translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <source>Torrent Speed Limits</source>
        <translation>Ограничения скорости торрента</translation>
    </message>
    <message>
        <source>{count} torrents</source>
        <translation>Торрентов: {count}</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Без ограничений</translation>
    </message>
    <message>
        <source>Download limit:</source>
        <translation>Порог загрузки:</translation>
    </message>
    <message>
        <source>Upload limit:</source>
        <translation>Порог отдачи:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation>Разделы</translation>
    </message>
    <message>
        <source>Torrents</source>
        <translation>Торренты</translation>
    </message>
    <message>
        <source>{app} – Connected to {daemon}</source>
        <translation>{app} – подключено к {daemon}</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Панель инструментов</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Torrent</source>
        <translation>&amp;Торрент</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>С&amp;ервис</translation>
    </message>
    <message>
        <source>Alternative speed limits on</source>
        <translation>Особые ограничения скорости включены</translation>
    </message>
    <message>
        <source>Alternative speed limits off</source>
        <translation>Особые ограничения скорости выключены</translation>
    </message>
    <message>
        <source>A file in the watched folder was refused: {name}: {reason}</source>
        <translation>Файл в отслеживаемой папке отклонён: {name}: {reason}</translation>
    </message>
    <message>
        <source>Added from the watched folder: {name}</source>
        <translation>Добавлено из отслеживаемой папки: {name}</translation>
    </message>
    <message>
        <source>Already in the list (from the watched folder): {name}</source>
        <translation>Уже есть в списке (из отслеживаемой папки): {name}</translation>
    </message>
    <message>
        <source>Download finished</source>
        <translation>Загрузка завершена</translation>
    </message>
    <message>
        <source>Finished: {name}</source>
        <translation>Завершено: {name}</translation>
    </message>
    <message>
        <source>{name} stopped: {reason}</source>
        <translation>Торрент {name} остановлен: {reason}</translation>
    </message>
    <message>
        <source>[D: {down}, U: {up}] {app}</source>
        <translation>[З: {down}, О: {up}] {app}</translation>
    </message>
    <message>
        <source>Saving resume data…</source>
        <translation>Сохранение данных для возобновления…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss All</source>
        <translation>Закрыть все</translation>
    </message>
    <message>
        <source>{count} more messages</source>
        <translation>Ещё сообщений: {count}</translation>
    </message>
    <message>
        <source>1 more message</source>
        <translation>Ещё 1 сообщение</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network settings</source>
        <translation>Настройки сети</translation>
    </message>
    <message>
        <source>Optional: your TronGrid API key</source>
        <translation>Необязательно: ваш ключ API TronGrid</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Сеть:</translation>
    </message>
    <message>
        <source>Node URL:</source>
        <translation>URL узла:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Ключ API:</translation>
    </message>
    <message>
        <source>BTT token contract:</source>
        <translation>Контракт токена BTT:</translation>
    </message>
    <message>
        <source>http://host:port (required)</source>
        <translation>http://host:port (обязательно)</translation>
    </message>
    <message>
        <source>read from the node</source>
        <translation>берётся с узла</translation>
    </message>
    <message>
        <source>T… (optional)</source>
        <translation>T… (необязательно)</translation>
    </message>
    <message>
        <source>The real TRON network: real TRX and BTT.</source>
        <translation>Настоящая сеть TRON: настоящие TRX и BTT.</translation>
    </message>
    <message>
        <source>TRON&apos;s public test network: test TRX from its faucet, no value.</source>
        <translation>Публичная тестовая сеть TRON: тестовые TRX из её крана, без ценности.</translation>
    </message>
    <message>
        <source>A local node (btt devnet) for trying things out with tokens from its faucet.</source>
        <translation>Локальный узел (btt devnet) для опытов с токенами из его крана.</translation>
    </message>
    <message>
        <source>Any java-tron compatible node.</source>
        <translation>Любой узел, совместимый с java-tron.</translation>
    </message>
</context>
<context>
    <name>Networks</name>
    <message>
        <source>TRON mainnet</source>
        <translation>Основная сеть TRON</translation>
    </message>
    <message>
        <source>Nile testnet</source>
        <translation>Тестовая сеть Nile</translation>
    </message>
    <message>
        <source>Local devnet</source>
        <translation>Локальная сеть разработки</translation>
    </message>
    <message>
        <source>Custom node</source>
        <translation>Свой узел</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Повтор:</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>Пароль должен содержать не менее {n} символов.</translation>
    </message>
    <message>
        <source>The password must not start or end with a space.</source>
        <translation>Пароль не должен начинаться или заканчиваться пробелом.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Wallet password</source>
        <translation>Пароль кошелька</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Проверка пароля…</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>At least {n} characters. A few unrelated words make a strong password.</source>
        <translation>Не менее {n} символов. Несколько не связанных между собой слов — надёжный пароль.</translation>
    </message>
    <message>
        <source>Fair: longer is better.</source>
        <translation>Средний: чем длиннее, тем лучше.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Хороший.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Надёжный.</translation>
    </message>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>Слишком короткий: не менее {n} символов.</translation>
    </message>
    <message>
        <source>Weak: make it longer.</source>
        <translation>Слабый: сделайте длиннее.</translation>
    </message>
</context>
<context>
    <name>PeerMenu</name>
    <message>
        <source>Add Peers…</source>
        <translation>Добавить пиры…</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Ban Peer Permanently</source>
        <translation>Заблокировать пир навсегда</translation>
    </message>
    <message>
        <source>Ban Peers</source>
        <translation>Блокировка пиров</translation>
    </message>
    <message>
        <source>Ban {addresses} permanently? Peers from there are dropped now and refused from now on, in every torrent.</source>
        <translation>Заблокировать {addresses} навсегда? Пиры с этих адресов будут отключены сейчас и будут отклоняться впредь во всех торрентах.</translation>
    </message>
    <message>
        <source>Banned Peers…</source>
        <translation>Заблокированные пиры…</translation>
    </message>
    <message>
        <source>Copy IP:port</source>
        <translation>Копировать IP:порт</translation>
    </message>
</context>
<context>
    <name>PeersTab</name>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Соединение</translation>
    </message>
    <message>
        <source>Down Speed</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Загружено</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Флаги</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Прогресс</translation>
    </message>
    <message>
        <source>Up Speed</source>
        <translation>Отдача</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Отдано</translation>
    </message>
</context>
<context>
    <name>PhraseEdit</name>
    <message>
        <source>Type the words in order, separated by spaces</source>
        <translation>Введите слова по порядку через пробел</translation>
    </message>
</context>
<context>
    <name>PhraseInput</name>
    <message>
        <source>12, 15, 18, 21 or 24 words.</source>
        <translation>12, 15, 18, 21 или 24 слова.</translation>
    </message>
    <message>
        <source>{count} words so far.</source>
        <translation>Введено слов: {count}.</translation>
    </message>
    <message>
        <source>Word {n} is not in the BIP39 word list.</source>
        <translation>Слова {n} нет в списке слов BIP39.</translation>
    </message>
    <message>
        <source>Valid recovery phrase: {count} words, checksum correct.</source>
        <translation>Фраза восстановления верна: слов — {count}, контрольная сумма совпадает.</translation>
    </message>
</context>
<context>
    <name>Protected</name>
    <message>
        <source>Add an account</source>
        <translation>Добавить счёт</translation>
    </message>
    <message>
        <source>Enter the wallet password to derive the next account.</source>
        <translation>Введите пароль кошелька, чтобы создать следующий счёт.</translation>
    </message>
    <message>
        <source>Wrong password. Try again.</source>
        <translation>Неверный пароль. Попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>“{name}” is still active. Quit anyway?</source>
        <translation>«{name}» ещё активен. Всё равно выйти?</translation>
    </message>
    <message>
        <source>{count} torrents are still active. Quit anyway?</source>
        <translation>Активных торрентов: {count}. Всё равно выйти?</translation>
    </message>
    <message>
        <source>Quit BTT Desktop?</source>
        <translation>Выйти из BTT Desktop?</translation>
    </message>
    <message>
        <source>Downloads stop and peers you are seeding to are cut off until BTT Desktop runs again.</source>
        <translation>Загрузки остановятся, а пиры, которым вы раздаёте, будут отключены до следующего запуска BTT Desktop.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>Больше не спрашивать</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive</source>
        <translation>Получить</translation>
    </message>
    <message>
        <source>Send TRX or BTT to {label}</source>
        <translation>Отправьте TRX или BTT на {label}</translation>
    </message>
    <message>
        <source>Only TRX and TRON tokens (BTT TRC-20) on the {network} network. Tokens sent from another chain are lost.</source>
        <translation>Только TRX и токены TRON (BTT TRC-20) в сети {network}. Токены, отправленные из другой сети, будут потеряны.</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Копировать адрес</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
</context>
<context>
    <name>RemoteMode</name>
    <message>
        <source>Connect to &amp;Daemon…</source>
        <translation>Подключиться к &amp;демону…</translation>
    </message>
    <message>
        <source>Drive the torrents of a BTT daemon</source>
        <translation>Управлять торрентами демона BTT</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Отключиться</translation>
    </message>
    <message>
        <source>Back to this computer&apos;s torrents</source>
        <translation>Вернуться к торрентам этого компьютера</translation>
    </message>
    <message>
        <source>Cannot disconnect</source>
        <translation>Не удалось отключиться</translation>
    </message>
    <message>
        <source>Cannot connect to the daemon</source>
        <translation>Не удалось подключиться к демону</translation>
    </message>
    <message>
        <source>Connected to {daemon}</source>
        <translation>Подключено к {daemon}</translation>
    </message>
    <message>
        <source>{daemon} unreachable, retrying…</source>
        <translation>{daemon} недоступен, повтор…</translation>
    </message>
</context>
<context>
    <name>RemoveDialog</name>
    <message>
        <source>Remove Torrents</source>
        <translation>Удаление торрентов</translation>
    </message>
    <message>
        <source>Remove “{name}” from the transfer list?</source>
        <translation>Удалить «{name}» из списка торрентов?</translation>
    </message>
    <message>
        <source>Remove these {count} torrents from the transfer list?</source>
        <translation>Удалить выбранные торренты ({count}) из списка торрентов?</translation>
    </message>
    <message>
        <source>Also delete the downloaded files</source>
        <translation>Также удалить загруженные файлы</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>about {trx} TRX</source>
        <translation>около {trx} TRX</translation>
    </message>
    <message>
        <source>energy {n}</source>
        <translation>энергия {n}</translation>
    </message>
    <message>
        <source>bandwidth {n} bytes</source>
        <translation>пропускная способность: {n} байт</translation>
    </message>
    <message>
        <source>{trx} TRX to activate the new address</source>
        <translation>{trx} TRX за активацию нового адреса</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>TRON address (T…)</source>
        <translation>Адрес TRON (T…)</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Макс.</translation>
    </message>
    <message>
        <source>Everything available (for TRX, less the fee)</source>
        <translation>Всё доступное (для TRX — за вычетом комиссии)</translation>
    </message>
    <message>
        <source>Enter a recipient and an amount.</source>
        <translation>Введите получателя и сумму.</translation>
    </message>
    <message>
        <source>Pay to:</source>
        <translation>Получатель:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Токен:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <source>Network fee:</source>
        <translation>Комиссия сети:</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Отправить…</translation>
    </message>
    <message>
        <source>Copy transaction ID</source>
        <translation>Копировать ID транзакции</translation>
    </message>
    <message>
        <source>Open in the explorer</source>
        <translation>Открыть в обозревателе</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Balance unknown</source>
        <translation>Баланс неизвестен</translation>
    </message>
    <message>
        <source>Available: {amount} {token}</source>
        <translation>Доступно: {amount} {token}</translation>
    </message>
    <message>
        <source>This is your own address.</source>
        <translation>Это ваш собственный адрес.</translation>
    </message>
    <message>
        <source>Valid TRON address</source>
        <translation>Верный адрес TRON</translation>
    </message>
    <message>
        <source>Estimating…</source>
        <translation>Оценка…</translation>
    </message>
    <message>
        <source>The balance is not known yet: refresh first.</source>
        <translation>Баланс пока неизвестен: сначала обновите.</translation>
    </message>
    <message>
        <source>Enter the recipient first: the fee depends on it.</source>
        <translation>Сначала введите получателя: от него зависит комиссия.</translation>
    </message>
    <message>
        <source>Not enough TRX to pay the fee.</source>
        <translation>Недостаточно TRX для оплаты комиссии.</translation>
    </message>
    <message>
        <source>Sign the transfer</source>
        <translation>Подпишите перевод</translation>
    </message>
    <message>
        <source>Enter the wallet password to sign this transfer.</source>
        <translation>Введите пароль кошелька, чтобы подписать этот перевод.</translation>
    </message>
    <message>
        <source>Sending {amount} {token}</source>
        <translation>Отправка {amount} {token}</translation>
    </message>
    <message>
        <source>Sent {amount} {token}</source>
        <translation>Отправлено {amount} {token}</translation>
    </message>
    <message>
        <source>Confirmed in block {block}.</source>
        <translation>Подтверждено в блоке {block}.</translation>
    </message>
    <message>
        <source>Confirmed.</source>
        <translation>Подтверждено.</translation>
    </message>
    <message>
        <source>Fee paid: {fee} TRX.</source>
        <translation>Уплачена комиссия: {fee} TRX.</translation>
    </message>
    <message>
        <source>Transaction ID: {txid}</source>
        <translation>ID транзакции: {txid}</translation>
    </message>
    <message>
        <source>The transfer failed</source>
        <translation>Перевод не удался</translation>
    </message>
    <message>
        <source>Building the transaction…</source>
        <translation>Формирование транзакции…</translation>
    </message>
    <message>
        <source>Signed. Sending it to the node…</source>
        <translation>Подписано. Отправка на узел…</translation>
    </message>
    <message>
        <source>Broadcast. Waiting for a block…</source>
        <translation>Передано в сеть. Ожидание блока…</translation>
    </message>
    <message>
        <source>Waiting for a block…</source>
        <translation>Ожидание блока…</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Ошибка.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Add torrents paused</source>
        <translation>Добавлять торренты остановленными</translation>
    </message>
    <message>
        <source>Download in sequential order by default</source>
        <translation>По умолчанию загружать последовательно</translation>
    </message>
    <message>
        <source>Confirm before removing torrents</source>
        <translation>Подтверждать удаление торрентов</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Сохранение</translation>
    </message>
    <message>
        <source>Default save path:</source>
        <translation>Путь сохранения по умолчанию:</translation>
    </message>
    <message>
        <source>.torrent and .magnet files put in this folder are added, then renamed “.added” (or “.invalid”, with the reason shown in the window).</source>
        <translation>Файлы .torrent и .magnet, помещённые в эту папку, добавляются и переименовываются в «.added» (или в «.invalid», а причина показывается в окне).</translation>
    </message>
    <message>
        <source>Add paused</source>
        <translation>Добавлять остановленными</translation>
    </message>
    <message>
        <source>Allow encryption (fastest)</source>
        <translation>Разрешить шифрование (быстрее всего)</translation>
    </message>
    <message>
        <source>An eMule ipfilter.dat or a PeerGuardian .p2p file, gzipped or not. Peers in its ranges are refused.</source>
        <translation>Файл ipfilter.dat от eMule или .p2p от PeerGuardian, сжатый gzip или нет. Пиры из его диапазонов отклоняются.</translation>
    </message>
    <message>
        <source>Automatically add torrents from:</source>
        <translation>Автоматически добавлять торренты из:</translation>
    </message>
    <message>
        <source>Confirm when quitting with active torrents</source>
        <translation>Подтверждать выход при активных торрентах</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Ежедневно</translation>
    </message>
    <message>
        <source>Finished torrents are moved to their save path.</source>
        <translation>Завершённые торренты перемещаются в свой путь сохранения.</translation>
    </message>
    <message>
        <source>Folder for incomplete torrents</source>
        <translation>Папка для незавершённых торрентов</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Пятница</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Хост:</translation>
    </message>
    <message>
        <source>IP block list</source>
        <translation>Список блокировки IP</translation>
    </message>
    <message>
        <source>IP block list:</source>
        <translation>Список блокировки IP:</translation>
    </message>
    <message>
        <source>IP block lists (*.dat *.p2p *.gz);;All files (*)</source>
        <translation>Списки блокировки IP (*.dat *.p2p *.gz);;Все файлы (*)</translation>
    </message>
    <message>
        <source>IP filtering</source>
        <translation>IP-фильтр</translation>
    </message>
    <message>
        <source>Keep incomplete torrents in:</source>
        <translation>Хранить незавершённые торренты в:</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Понедельник</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>Prefer encryption</source>
        <translation>Предпочитать шифрование</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Прокси</translation>
    </message>
    <message>
        <source>Require encryption</source>
        <translation>Требовать шифрование</translation>
    </message>
    <message>
        <source>“{path}” is not a full path.</source>
        <translation>«{path}» — не полный путь.</translation>
    </message>
    <message>
        <source>Disable encryption</source>
        <translation>Отключить шифрование</translation>
    </message>
    <message>
        <source>DHT (find peers without a tracker)</source>
        <translation>DHT (поиск пиров без трекера)</translation>
    </message>
    <message>
        <source>Peer exchange (PeX)</source>
        <translation>Обмен пирами (PeX)</translation>
    </message>
    <message>
        <source>Local peer discovery</source>
        <translation>Обнаружение локальных пиров</translation>
    </message>
    <message>
        <source>Port forwarding with UPnP</source>
        <translation>Проброс портов через UPnP</translation>
    </message>
    <message>
        <source>Port forwarding with NAT-PMP</source>
        <translation>Проброс портов через NAT-PMP</translation>
    </message>
    <message>
        <source>Listening and peers</source>
        <translation>Прослушивание и пиры</translation>
    </message>
    <message>
        <source>Listen port:</source>
        <translation>Порт прослушивания:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Шифрование:</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Суббота</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Сохранять в:</translation>
    </message>
    <message>
        <source>Save torrents from the watched folder in</source>
        <translation>Папка для торрентов из отслеживаемой папки</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>Schedule the use of the alternative limits</source>
        <translation>Включать особые ограничения по расписанию</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Воскресенье</translation>
    </message>
    <message>
        <source>The alternative limits switch on at the first time and off at the second; a period past midnight belongs to the day it starts on. Switching by hand holds until the next change of the schedule.</source>
        <translation>Особые ограничения включаются в первое указанное время и выключаются во второе; период после полуночи относится к дню, в который он начался. Ручное переключение действует до следующей смены по расписанию.</translation>
    </message>
    <message>
        <source>The default save path</source>
        <translation>Путь сохранения по умолчанию</translation>
    </message>
    <message>
        <source>The proxy needs a host.</source>
        <translation>Для прокси нужно указать хост.</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Четверг</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>До:</translation>
    </message>
    <message>
        <source>Trackers are always reached through the proxy, and host names are resolved by it.</source>
        <translation>Подключение к трекерам всегда идёт через прокси, и имена хостов разрешает он.</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Вторник</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Без ограничений</translation>
    </message>
    <message>
        <source>Use proxy for peer connections</source>
        <translation>Использовать прокси для соединения с пирами</translation>
    </message>
    <message>
        <source>Use the alternative limits now</source>
        <translation>Использовать особые ограничения сейчас</translation>
    </message>
    <message>
        <source>Global limits</source>
        <translation>Общие ограничения</translation>
    </message>
    <message>
        <source>Download:</source>
        <translation>Загрузка:</translation>
    </message>
    <message>
        <source>Upload:</source>
        <translation>Отдача:</translation>
    </message>
    <message>
        <source>Alternative limits</source>
        <translation>Особые ограничения</translation>
    </message>
    <message>
        <source>Queueing</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <source>Maximum active downloads:</source>
        <translation>Макс. активных загрузок:</translation>
    </message>
    <message>
        <source>Maximum active uploads:</source>
        <translation>Макс. активных отдач:</translation>
    </message>
    <message>
        <source>Maximum active torrents:</source>
        <translation>Макс. активных торрентов:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Без ограничений</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Stop seeding when</source>
        <translation>Остановить раздачу, когда</translation>
    </message>
    <message>
        <source>Ratio reaches:</source>
        <translation>Рейтинг достигнет:</translation>
    </message>
    <message>
        <source>Seeding time reaches:</source>
        <translation>Время раздачи достигнет:</translation>
    </message>
    <message>
        <source>Closing the window keeps BTT Desktop in the tray</source>
        <translation>При закрытии окна BTT Desktop остаётся в трее</translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation>В этой среде нет системного трея.</translation>
    </message>
    <message>
        <source>Notify when a download finishes</source>
        <translation>Уведомлять о завершении загрузки</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>Отслеживаемая папка</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Среда</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>Будни</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>Выходные</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>POSIX (read/write, low memory)</source>
        <translation>POSIX (read/write, мало памяти)</translation>
    </message>
    <message>
        <source>pread/pwrite with worker threads</source>
        <translation>pread/pwrite с рабочими потоками</translation>
    </message>
    <message>
        <source>Memory-mapped files</source>
        <translation>Отображение файлов в память</translation>
    </message>
    <message>
        <source>libtorrent default</source>
        <translation>По умолчанию libtorrent</translation>
    </message>
    <message>
        <source>Takes effect the next time BTT Desktop starts.</source>
        <translation>Вступит в силу при следующем запуске BTT Desktop.</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Диск</translation>
    </message>
    <message>
        <source>Disk I/O:</source>
        <translation>Дисковый ввод-вывод:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source>Ask for the wallet password for every transfer</source>
        <translation>Спрашивать пароль кошелька при каждом переводе</translation>
    </message>
    <message>
        <source>Wallet security</source>
        <translation>Защита кошелька</translation>
    </message>
    <message>
        <source>Lock the wallet after no input for:</source>
        <translation>Блокировать кошелёк после бездействия:</translation>
    </message>
    <message>
        <source>Without the password for every transfer, an unlocked wallet sends after the confirmation alone.</source>
        <translation>Без пароля при каждом переводе разблокированный кошелёк отправляет после одного подтверждения.</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Поведение</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Загрузки</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Соединение</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Ограничения</translation>
    </message>
    <message>
        <source>BitTorrent</source>
        <translation>BitTorrent</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Дополнительно</translation>
    </message>
    <message>
        <source>Default save path</source>
        <translation>Путь сохранения по умолчанию</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <source>Cannot switch the speed limits</source>
        <translation>Не удаётся переключить ограничения скорости</translation>
    </message>
    <message>
        <source>Cannot save the settings</source>
        <translation>Не удаётся сохранить настройки</translation>
    </message>
    <message>
        <source>Cannot apply the settings</source>
        <translation>Не удаётся применить настройки</translation>
    </message>
    <message>
        <source>not remembered: no keyring</source>
        <translation>не запоминается: нет связки ключей</translation>
    </message>
    <message>
        <source>The proxy password is kept for this session only: {reason}</source>
        <translation>Пароль прокси сохранён только на этот сеанс: {reason}</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Загружаются</translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation>Раздаются</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Остановлены</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Проверяются</translation>
    </message>
    <message>
        <source>Errored</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категории</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
</context>
<context>
    <name>SpeedAmounts</name>
    <message>
        <source>{what}: BTT has at most {decimals} decimals</source>
        <translation>{what}: у BTT не более {decimals} знаков после запятой</translation>
    </message>
    <message>
        <source>{what}: must be more than 0</source>
        <translation>{what}: должно быть больше 0</translation>
    </message>
    <message>
        <source>{what}: must not be negative</source>
        <translation>{what}: не может быть отрицательным</translation>
    </message>
    <message>
        <source>{what}: not an amount: {text}</source>
        <translation>{what}: это не сумма: {text}</translation>
    </message>
</context>
<context>
    <name>SpeedController</name>
    <message>
        <source>BTT Speed did not start: {reason}</source>
        <translation>BTT Speed не запустился: {reason}</translation>
    </message>
    <message>
        <source>BTT Speed is on ({sides}) and signs with your wallet, which is locked. Enter the wallet password to start it now, or Cancel to leave it paused until you unlock the wallet.</source>
        <translation>BTT Speed включён ({sides}) и подписывает вашим кошельком, а он заблокирован. Введите пароль кошелька, чтобы запустить его сейчас, или нажмите «Отмена», чтобы оставить его на паузе до разблокировки кошелька.</translation>
    </message>
    <message>
        <source>BTT Speed needs a wallet</source>
        <translation>BTT Speed нужен кошелёк</translation>
    </message>
    <message>
        <source>BTT Speed pays from your wallet; a watch-only wallet cannot sign cheques.</source>
        <translation>BTT Speed платит из вашего кошелька; кошелёк только для просмотра не может подписывать чеки.</translation>
    </message>
    <message>
        <source>BTT Speed pays seeders in BTT from your wallet, and there is no wallet yet. Create or restore one in the Wallet section.</source>
        <translation>BTT Speed платит сидерам в BTT из вашего кошелька, а кошелька пока нет. Создайте или восстановите его в разделе «Кошелёк».</translation>
    </message>
    <message>
        <source>BTT Speed signs cheques with your wallet. Enter the wallet password to unlock it.</source>
        <translation>BTT Speed подписывает чеки вашим кошельком. Введите пароль, чтобы разблокировать его.</translation>
    </message>
    <message>
        <source>Open Wallet</source>
        <translation>Открыть кошелёк</translation>
    </message>
    <message>
        <source>Start BTT Speed</source>
        <translation>Запуск BTT Speed</translation>
    </message>
    <message>
        <source>buying</source>
        <translation>покупка</translation>
    </message>
    <message>
        <source>buying and selling</source>
        <translation>покупка и продажа</translation>
    </message>
    <message>
        <source>selling</source>
        <translation>продажа</translation>
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
        <translation>&lt;p&gt;&lt;b&gt;BTT Speed&lt;/b&gt; — необязательный рынок пропускной способности отдачи с оплатой в BTT из вашего кошелька. Он выключен, пока вы не включите его здесь.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Покупка:&lt;/b&gt; пока вы скачиваете, клиент предлагает сидерам BTT за то, чтобы они обслуживали вас первым. Он платит только за полученное, из вашего хранилища Speed (BTT, внесённые в контракт хранилища), не дороже вашей максимальной цены и не больше дневного лимита.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Продажа:&lt;/b&gt; пока вы раздаёте, ставки других людей покупают вашу отдачу, не дешевле вашей минимальной цены; оплата приходит подписанными чеками, которые обналичиваются в кошелёк автоматически, когда они заметно дороже комиссии TRX за обналичивание (настраивается), или кнопкой «Обналичить» на вкладке BTT Speed кошелька. Тех, кто не делает ставок, по-прежнему обслуживают.&lt;/p&gt;&lt;p&gt;При включении открывается порт Speed, через который с вами связываются другие клиенты. &lt;a href=&quot;{url}&quot;&gt;Как работает BTT Speed&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Buy faster downloads</source>
        <translation>Покупать более быструю загрузку</translation>
    </message>
    <message>
        <source>Sell my upload for BTT when seeding</source>
        <translation>Продавать мою отдачу за BTT при раздаче</translation>
    </message>
    <message>
        <source>Pay at most, per GiB (BTT):</source>
        <translation>Платить не более, за GiB (BTT):</translation>
    </message>
    <message>
        <source>Spend at most, per day (BTT):</source>
        <translation>Тратить не более, в день (BTT):</translation>
    </message>
    <message>
        <source>Sell for at least, per GiB (BTT):</source>
        <translation>Продавать не дешевле, за GiB (BTT):</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Pay at most</source>
        <translation>Платить не более</translation>
    </message>
    <message>
        <source>Spend at most</source>
        <translation>Тратить не более</translation>
    </message>
    <message>
        <source>Sell for at least</source>
        <translation>Продавать не дешевле</translation>
    </message>
</context>
<context>
    <name>SpeedMenu</name>
    <message>
        <source>What Is BTT Speed?…</source>
        <translation>Что такое BTT Speed?…</translation>
    </message>
    <message>
        <source>BTT Speed</source>
        <translation>BTT Speed</translation>
    </message>
    <message>
        <source>Unlock the Wallet to Start BTT Speed…</source>
        <translation>Разблокировать кошелёк и запустить BTT Speed…</translation>
    </message>
    <message>
        <source>BTT Speed: pay BTT for faster downloads, earn BTT when seeding (optional)</source>
        <translation>BTT Speed: платите BTT за быструю загрузку, зарабатывайте BTT на раздаче (по желанию)</translation>
    </message>
</context>
<context>
    <name>SpeedReadout</name>
    <message>
        <source>BTT Speed: not on this network</source>
        <translation>BTT Speed: недоступен в этой сети</translation>
    </message>
    <message>
        <source>BTT Speed: off</source>
        <translation>BTT Speed: выключен</translation>
    </message>
    <message>
        <source>BTT Speed: not running</source>
        <translation>BTT Speed: не работает</translation>
    </message>
    <message>
        <source>BTT Speed: paused until the wallet is unlocked</source>
        <translation>BTT Speed: пауза до разблокировки кошелька</translation>
    </message>
    <message>
        <source>BTT Speed: spending {spent}/min · earning {earned}/min</source>
        <translation>BTT Speed: расход {spent}/мин · доход {earned}/мин</translation>
    </message>
    <message>
        <source>BTT Speed: buying, spending {spent}/min</source>
        <translation>BTT Speed: покупка, расход {spent}/мин</translation>
    </message>
    <message>
        <source>BTT Speed: selling, earning {earned}/min</source>
        <translation>BTT Speed: продажа, доход {earned}/мин</translation>
    </message>
    <message>
        <source>{readout} (wallet locked)</source>
        <translation>{readout} (кошелёк заблокирован)</translation>
    </message>
    <message>
        <source>Spent in all {spent} BTT for {bought} bought; earned {earned} BTT ({pending} BTT to cash)</source>
        <translation>Всего потрачено {spent} BTT за {bought} куплено; заработано {earned} BTT ({pending} BTT к получению)</translation>
    </message>
</context>
<context>
    <name>SpeedSettingsPage</name>
    <message>
        <source>How much of the spendable vault balance one download may bid</source>
        <translation>Какую часть доступного баланса хранилища может поставить одна загрузка</translation>
    </message>
    <message>
        <source>Buying</source>
        <translation>Покупка</translation>
    </message>
    <message>
        <source>Maximum price per GiB (BTT):</source>
        <translation>Макс. цена за GiB (BTT):</translation>
    </message>
    <message>
        <source>Maximum spend per day (BTT):</source>
        <translation>Макс. расход в день (BTT):</translation>
    </message>
    <message>
        <source>Spending rate:</source>
        <translation>Темп расходов:</translation>
    </message>
    <message>
        <source>Buy faster downloads: bid BTT to seeders</source>
        <translation>Покупать быструю загрузку: ставки BTT сидерам</translation>
    </message>
    <message>
        <source>Sell my upload for BTT when seeding</source>
        <translation>Продавать мою отдачу за BTT при раздаче</translation>
    </message>
    <message>
        <source>Cheques are cashed automatically once this much is owed by one vault; 0: only by hand</source>
        <translation>Чеки обналичиваются автоматически, когда одно хранилище задолжает столько; 0 — только вручную</translation>
    </message>
    <message>
        <source>Cashing costs TRX: cash a vault&apos;s cheques only once they are worth this many times the fee</source>
        <translation>Обналичивание стоит TRX: обналичивать чеки хранилища, только когда они стоят во столько раз больше комиссии</translation>
    </message>
    <message>
        <source>Your own rate, to compare a fee in TRX with BTT (the client has no price feed)</source>
        <translation>Ваш собственный курс для сравнения комиссии в TRX с BTT (у клиента нет источника цен)</translation>
    </message>
    <message>
        <source>A finished torrent keeps seeding, queue or no queue, while Speed earns at least this much an hour on it; 0: no such rule</source>
        <translation>Завершённый торрент продолжает раздаваться вне очереди, пока Speed зарабатывает на нём не меньше этой суммы в час; 0 — без такого правила</translation>
    </message>
    <message>
        <source>Selling</source>
        <translation>Продажа</translation>
    </message>
    <message>
        <source>Reserve price per GiB (BTT):</source>
        <translation>Мин. цена за GiB (BTT):</translation>
    </message>
    <message>
        <source>Speed slots per torrent:</source>
        <translation>Слотов Speed на торрент:</translation>
    </message>
    <message>
        <source>Keep seeding while it earns (BTT/h):</source>
        <translation>Раздавать, пока приносит (BTT/ч):</translation>
    </message>
    <message>
        <source>Cash out at (BTT):</source>
        <translation>Обналичивать от (BTT):</translation>
    </message>
    <message>
        <source>Only when worth (× fee):</source>
        <translation>Только если стоит (× комиссия):</translation>
    </message>
    <message>
        <source>BTT Speed is optional: buying pays seeders BTT from your vault for faster downloads, selling earns BTT from downloaders&apos; bids when you seed. Both are off until you turn them on, and pause while the wallet is locked unless you keep BTT Speed running (below).</source>
        <translation>BTT Speed необязателен: покупка платит сидерам BTT из вашего хранилища за быструю загрузку, продажа приносит BTT от ставок качающих, когда вы раздаёте. Оба режима выключены, пока вы их не включите, и встают на паузу, когда кошелёк заблокирован, если только вы не оставите BTT Speed работать (ниже).</translation>
    </message>
    <message>
        <source>BTT per TRX:</source>
        <translation>BTT за TRX:</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>любой свободный порт</translation>
    </message>
    <message>
        <source>Keep BTT Speed running while the wallet is locked</source>
        <translation>Не останавливать BTT Speed, когда кошелёк заблокирован</translation>
    </message>
    <message>
        <source>BTT Speed then keeps your account&apos;s signing key in memory after the wallet locks, so a seeder goes on earning; otherwise a lock pauses BTT Speed until the wallet is unlocked again.</source>
        <translation>Тогда BTT Speed хранит ключ подписи вашего счёта в памяти после блокировки кошелька, и раздача продолжает приносить доход; иначе блокировка ставит BTT Speed на паузу до разблокировки кошелька.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Соединение</translation>
    </message>
    <message>
        <source>Keeps your account&apos;s signing key in memory while the wallet is locked.</source>
        <translation>Хранит ключ подписи вашего счёта в памяти, пока кошелёк заблокирован.</translation>
    </message>
    <message>
        <source>Speed port:</source>
        <translation>Порт Speed:</translation>
    </message>
    <message>
        <source>BTT per TRX</source>
        <translation>BTT за TRX</translation>
    </message>
    <message>
        <source>Enter how many BTT one TRX is worth to you.</source>
        <translation>Укажите, сколько BTT для вас стоит один TRX.</translation>
    </message>
    <message>
        <source>A cash-out costs about {fee} TRX (≈ {fee_btt} BTT at your rate): cheques are cashed automatically from {threshold} BTT per vault.</source>
        <translation>Обналичивание стоит около {fee} TRX (≈ {fee_btt} BTT по вашему курсу): чеки обналичиваются автоматически, начиная с {threshold} BTT на хранилище.</translation>
    </message>
    <message>
        <source>Maximum price per GiB</source>
        <translation>Макс. цена за GiB</translation>
    </message>
    <message>
        <source>Maximum spend per day</source>
        <translation>Макс. расход в день</translation>
    </message>
    <message>
        <source>Reserve price per GiB</source>
        <translation>Мин. цена за GiB</translation>
    </message>
    <message>
        <source>Keep seeding while it earns</source>
        <translation>Раздавать, пока приносит</translation>
    </message>
    <message>
        <source>Cash out at</source>
        <translation>Обналичивать от</translation>
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
        <translation>Продавать отдачу за BTT</translation>
    </message>
    <message>
        <source>Buy Faster Downloads</source>
        <translation>Покупать быструю загрузку</translation>
    </message>
    <message>
        <source>BTT Speed is on but not running: {reason}</source>
        <translation>BTT Speed включён, но не работает: {reason}</translation>
    </message>
    <message>
        <source>BTT Speed is on, paused until the wallet is unlocked</source>
        <translation>BTT Speed включён, пауза до разблокировки кошелька</translation>
    </message>
    <message>
        <source>Selling: other people&apos;s BTT bids buy your upload when you seed (click to stop)</source>
        <translation>Продажа: ставки BTT других людей покупают вашу отдачу при раздаче (нажмите, чтобы остановить)</translation>
    </message>
    <message>
        <source>Not selling: click to earn BTT from bids when you seed</source>
        <translation>Продажа выключена: нажмите, чтобы зарабатывать BTT на ставках при раздаче</translation>
    </message>
    <message>
        <source>Buying: bidding BTT for faster downloads (click to stop)</source>
        <translation>Покупка: ставки BTT за быструю загрузку (нажмите, чтобы остановить)</translation>
    </message>
    <message>
        <source>Not buying: click to bid BTT for faster downloads</source>
        <translation>Покупка выключена: нажмите, чтобы делать ставки BTT за быструю загрузку</translation>
    </message>
</context>
<context>
    <name>SpeedTab</name>
    <message>
        <source>Use BTT Speed for this torrent (bid when downloading, sell slots when seeding)</source>
        <translation>Использовать BTT Speed для этого торрента (ставки при загрузке, продажа слотов при раздаче)</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Положение</translation>
    </message>
    <message>
        <source>Price (BTT/GiB)</source>
        <translation>Цена (BTT/GiB)</translation>
    </message>
    <message>
        <source>To beat (BTT/GiB)</source>
        <translation>Перебить (BTT/GiB)</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Куплено</translation>
    </message>
    <message>
        <source>BTT spent</source>
        <translation>Потрачено BTT</translation>
    </message>
    <message>
        <source>Bidder</source>
        <translation>Участник торгов</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Bid (BTT/GiB)</source>
        <translation>Ставка (BTT/GiB)</translation>
    </message>
    <message>
        <source>Clearing price (BTT/GiB)</source>
        <translation>Цена сделки (BTT/GiB)</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Продано</translation>
    </message>
    <message>
        <source>BTT earned</source>
        <translation>Заработано BTT</translation>
    </message>
    <message>
        <source>Buying: providers we bid on</source>
        <translation>Покупка: поставщики, которым мы делаем ставки</translation>
    </message>
    <message>
        <source>Selling: bidders for our upload slots</source>
        <translation>Продажа: участники торгов за наши слоты отдачи</translation>
    </message>
    <message>
        <source>BTT Speed is not running. Turn it on in the BTT Speed menu; it needs an unlocked wallet.</source>
        <translation>BTT Speed не работает. Включите его в меню BTT Speed; нужен разблокированный кошелёк.</translation>
    </message>
    <message>
        <source>BTT Speed is not running: {reason}</source>
        <translation>BTT Speed не работает: {reason}</translation>
    </message>
    <message>
        <source>Selling is off in the BTT Speed menu.</source>
        <translation>Продажа выключена в меню BTT Speed.</translation>
    </message>
    <message>
        <source>No BTT Speed peers on this torrent yet.</source>
        <translation>На этом торренте пока нет пиров BTT Speed.</translation>
    </message>
    <message>
        <source>BTT Speed is off for this torrent.</source>
        <translation>BTT Speed выключен для этого торрента.</translation>
    </message>
    <message>
        <source>Not bidding: buying is off in the BTT Speed menu.</source>
        <translation>Ставок нет: покупка выключена в меню BTT Speed.</translation>
    </message>
    <message>
        <source>Demoted ({reason})</source>
        <translation>Понижен ({reason})</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выиграна</translation>
    </message>
    <message>
        <source>Not bidding now</source>
        <translation>Сейчас без ставки</translation>
    </message>
    <message>
        <source>Outbid</source>
        <translation>Перебита</translation>
    </message>
    <message>
        <source>Winner</source>
        <translation>Победитель</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Проиграна</translation>
    </message>
    <message>
        <source>No bids on this torrent yet.</source>
        <translation>По этому торренту ещё нет ставок.</translation>
    </message>
    <message>
        <source>Our bid: {price} BTT/GiB</source>
        <translation>Наша ставка: {price} BTT/GiB</translation>
    </message>
    <message>
        <source>Bidders: {count} · winners: {winners}</source>
        <translation>Участников: {count} · победителей: {winners}</translation>
    </message>
    <message>
        <source>Earned on this torrent: {amount} BTT</source>
        <translation>Заработано на этом торренте: {amount} BTT</translation>
    </message>
    <message>
        <source>No bids right now.</source>
        <translation>Сейчас ставок нет.</translation>
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
        <translation>Свободно: {size}</translation>
    </message>
    <message>
        <source>DHT: {nodes} nodes</source>
        <translation>Узлов DHT: {nodes}</translation>
    </message>
    <message>
        <source>DHT: off</source>
        <translation>DHT: выкл.</translation>
    </message>
    <message>
        <source>Port {port}</source>
        <translation>Порт {port}</translation>
    </message>
    <message>
        <source>Port {wanted} is in use by another program, so peers reach BTT Desktop on port {port} for now. Choose a free port in Settings → Connection to keep one.</source>
        <translation>Порт {wanted} занят другой программой, поэтому пока пиры подключаются к BTT Desktop через порт {port}. Чтобы порт не менялся, выберите свободный в разделе «Настройки → Соединение».</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Add Tags</source>
        <translation>Добавить метки</translation>
    </message>
    <message>
        <source>tag, another tag</source>
        <translation>метка, другая метка</translation>
    </message>
    <message>
        <source>Tags, separated by commas:</source>
        <translation>Метки через запятую:</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>System</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
</context>
<context>
    <name>TorrentPanel</name>
    <message>
        <source>Filter torrent names…</source>
        <translation>Фильтр по имени…</translation>
    </message>
    <message>
        <source>Cannot resume the torrents</source>
        <translation>Не удаётся возобновить торренты</translation>
    </message>
    <message>
        <source>Cannot pause the torrents</source>
        <translation>Не удаётся остановить торренты</translation>
    </message>
    <message>
        <source>Cannot recheck the torrents</source>
        <translation>Не удаётся проверить торренты</translation>
    </message>
    <message>
        <source>Cannot move the torrents up in the queue</source>
        <translation>Не удаётся повысить торренты в очереди</translation>
    </message>
    <message>
        <source>Cannot move the torrents down in the queue</source>
        <translation>Не удаётся понизить торренты в очереди</translation>
    </message>
    <message>
        <source>Cannot reannounce the torrents</source>
        <translation>Не удаётся повторить анонс торрентов</translation>
    </message>
    <message>
        <source>Cannot remove the torrents</source>
        <translation>Не удаётся удалить торренты</translation>
    </message>
    <message>
        <source>Move Storage To</source>
        <translation>Переместить файлы в</translation>
    </message>
    <message>
        <source>Moved to {path}</source>
        <translation>Перемещено в {path}</translation>
    </message>
    <message>
        <source>Cannot move the files</source>
        <translation>Не удаётся переместить файлы</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>Папка {path} не существует.</translation>
    </message>
    <message>
        <source>No application here opens folders, so {path} cannot be shown.</source>
        <translation>Здесь нет приложения для открытия папок, поэтому {path} не может быть показана.</translation>
    </message>
    <message>
        <source>Cannot copy the magnet link of {name}: {reason}</source>
        <translation>Не удаётся скопировать магнит-ссылку {name}: {reason}</translation>
    </message>
    <message>
        <source>Magnet link copied</source>
        <translation>Магнит-ссылка скопирована</translation>
    </message>
    <message>
        <source>Cannot set the speed limits</source>
        <translation>Не удаётся задать ограничения скорости</translation>
    </message>
    <message>
        <source>Cannot change the download order</source>
        <translation>Не удаётся изменить порядок загрузки</translation>
    </message>
    <message>
        <source>Cannot add the peers</source>
        <translation>Не удаётся добавить пиры</translation>
    </message>
</context>
<context>
    <name>TorrentTableModel</name>
    <message>
        <source>Added On</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Проверяется</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>Down Speed</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Загружается</translation>
    </message>
    <message>
        <source>Downloading metadata</source>
        <translation>Закачка метаданных</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Ост. время</translation>
    </message>
    <message>
        <source>Earned (BTT)</source>
        <translation>Заработано (BTT)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Moving</source>
        <translation>Перемещается</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Остановлен</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Пиры</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Прогресс</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Рейтинг</translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation>Раздаётся</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Сиды</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Up Speed</source>
        <translation>Отдача</translation>
    </message>
</context>
<context>
    <name>TrackerMenu</name>
    <message>
        <source>Add Trackers…</source>
        <translation>Добавить трекеры…</translation>
    </message>
    <message>
        <source>Copy Tracker URL</source>
        <translation>Копировать адрес трекера</translation>
    </message>
    <message>
        <source>Edit Tracker URL…</source>
        <translation>Изменить адрес трекера…</translation>
    </message>
    <message>
        <source>Force Reannounce</source>
        <translation>Анонсировать принудительно</translation>
    </message>
    <message>
        <source>Remove Tracker</source>
        <translation>Удалить трекер</translation>
    </message>
    <message>
        <source>To the selected trackers, or to all of them and the DHT</source>
        <translation>Выбранным трекерам или всем трекерам и DHT</translation>
    </message>
</context>
<context>
    <name>TrackersDialog</name>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add Trackers</source>
        <translation>Добавить трекеры</translation>
    </message>
    <message>
        <source>Edit Tracker URL</source>
        <translation>Изменить адрес трекера</translation>
    </message>
    <message>
        <source>Not a tracker URL (http, https, udp, ws or wss).</source>
        <translation>Это не адрес трекера (http, https, udp, ws или wss).</translation>
    </message>
    <message>
        <source>Not tracker URLs: {lines}.</source>
        <translation>Не адреса трекеров: {lines}.</translation>
    </message>
    <message>
        <source>Tracker URL:</source>
        <translation>Адрес трекера:</translation>
    </message>
    <message>
        <source>Trackers for {name}, one URL per line (http, https, udp, ws, wss). A blank line starts the next tier.</source>
        <translation>Трекеры для {name}, по одному URL в строке (http, https, udp, ws, wss). Пустая строка начинает следующий уровень.</translation>
    </message>
</context>
<context>
    <name>TrackersTab</name>
    <message>
        <source>Disabled</source>
        <translation>Отключено</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Not contacted yet</source>
        <translation>Связи пока нет</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>Не работает</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Пиры</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Сиды</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>This torrent is private</source>
        <translation>Это частный торрент</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Обновляется…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Работает</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show / Hide Window</source>
        <translation>Показать / скрыть окно</translation>
    </message>
    <message>
        <source>{app}
Down: {down}
Up: {up}</source>
        <translation>{app}
Загрузка: {down}
Отдача: {up}</translation>
    </message>
</context>
<context>
    <name>VaultPanel</name>
    <message>
        <source>Deposit…</source>
        <translation>Пополнить…</translation>
    </message>
    <message>
        <source>Announce Withdrawal…</source>
        <translation>Объявить вывод…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Вывести</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Баланс:</translation>
    </message>
    <message>
        <source>Cheques not cashed yet:</source>
        <translation>Необналиченные чеки:</translation>
    </message>
    <message>
        <source>Withdrawal:</source>
        <translation>Вывод:</translation>
    </message>
    <message>
        <source>Cash Out</source>
        <translation>Обналичить</translation>
    </message>
    <message>
        <source>Downloader (vault)</source>
        <translation>Загружающий (хранилище)</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Продано</translation>
    </message>
    <message>
        <source>Cheques received</source>
        <translation>Получено чеками</translation>
    </message>
    <message>
        <source>Cashed</source>
        <translation>Обналичено</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Не оплачено</translation>
    </message>
    <message>
        <source>Not covered</source>
        <translation>Не покрыто</translation>
    </message>
    <message>
        <source>Earnings by peer</source>
        <translation>Доход по пирам</translation>
    </message>
    <message>
        <source>Seeder</source>
        <translation>Раздающий</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Куплено</translation>
    </message>
    <message>
        <source>Cheques signed</source>
        <translation>Подписано чеками</translation>
    </message>
    <message>
        <source>Cashed by seeder</source>
        <translation>Обналичено раздающим</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>Долг</translation>
    </message>
    <message>
        <source>Spending by peer</source>
        <translation>Расходы по пирам</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Unlock Wallet…</source>
        <translation>Разблокировать кошелёк…</translation>
    </message>
    <message>
        <source>The vault cannot be read: {reason}</source>
        <translation>Не удаётся прочитать хранилище: {reason}</translation>
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
        <translation>не объявлен</translation>
    </message>
    <message>
        <source>{amount} BTT, ready to withdraw</source>
        <translation>{amount} BTT, можно вывести</translation>
    </message>
    <message>
        <source>{amount} BTT, ready in {time}</source>
        <translation>{amount} BTT, можно вывести через {time}</translation>
    </message>
    <message>
        <source>Earned {earned} BTT for {sold} sold · cashed {cashed} BTT · pending {pending} BTT</source>
        <translation>Заработано {earned} BTT за {sold} продано · обналичено {cashed} BTT · ожидает {pending} BTT</translation>
    </message>
    <message>
        <source>Spent {spent} BTT for {bought} bought · today {today} BTT · owed {owed} BTT</source>
        <translation>Потрачено {spent} BTT за {bought} куплено · сегодня {today} BTT · долг {owed} BTT</translation>
    </message>
    <message>
        <source>Estimating the fee…</source>
        <translation>Оценка комиссии…</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Разрешение</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Пополнить</translation>
    </message>
    <message>
        <source>Move {amount} BTT from your wallet into your BTT Speed vault. Taking it back out needs a withdrawal notice; downloads you buy are paid from it.</source>
        <translation>Перевести {amount} BTT из кошелька в хранилище BTT Speed. Чтобы забрать их обратно, нужно заранее объявить вывод; из хранилища оплачиваются покупаемые загрузки.</translation>
    </message>
    <message>
        <source>An approval lets the vault take exactly this amount; fees are not refunded.</source>
        <translation>Разрешение позволяет хранилищу взять ровно эту сумму; комиссии не возвращаются.</translation>
    </message>
    <message>
        <source>Deposited {amount} BTT.</source>
        <translation>Внесено {amount} BTT.</translation>
    </message>
    <message>
        <source>Depositing {amount} BTT…</source>
        <translation>Внесение {amount} BTT…</translation>
    </message>
    <message>
        <source>Deposit into the Vault</source>
        <translation>Пополнение хранилища</translation>
    </message>
    <message>
        <source>Withdrawal cancelled.</source>
        <translation>Вывод отменён.</translation>
    </message>
    <message>
        <source>Withdrawal of {amount} BTT announced.</source>
        <translation>Объявлен вывод {amount} BTT.</translation>
    </message>
    <message>
        <source>Announcing…</source>
        <translation>Объявление…</translation>
    </message>
    <message>
        <source>Announce a Withdrawal</source>
        <translation>Объявление вывода</translation>
    </message>
    <message>
        <source>Turn On BTT Speed…</source>
        <translation>Включить BTT Speed…</translation>
    </message>
    <message>
        <source>Vault (pays for BTT Speed)</source>
        <translation>Хранилище (оплачивает BTT Speed)</translation>
    </message>
    <message>
        <source>BTT Speed is running on port {port}, paying from {address}.</source>
        <translation>BTT Speed работает на порту {port}, платит с {address}.</translation>
    </message>
    <message>
        <source>Networks with a BTT Speed vault: {networks}.</source>
        <translation>Сети с хранилищем BTT Speed: {networks}.</translation>
    </message>
    <message>
        <source>BTT Speed is not running: {reason}</source>
        <translation>BTT Speed не работает: {reason}</translation>
    </message>
    <message>
        <source>BTT Speed is on, paused until the wallet is unlocked.</source>
        <translation>BTT Speed включён, пауза до разблокировки кошелька.</translation>
    </message>
    <message>
        <source>BTT Speed is off. Buying and selling need an unlocked wallet and BTT Speed turned on.</source>
        <translation>BTT Speed выключен. Для покупки и продажи нужны разблокированный кошелёк и включённый BTT Speed.</translation>
    </message>
    <message>
        <source>Exactly {amount} BTT</source>
        <translation>Ровно {amount} BTT</translation>
    </message>
    <message>
        <source>Move BTT from your wallet into the vault that pays for BTT Speed.</source>
        <translation>Перевести BTT из кошелька в хранилище, которое оплачивает BTT Speed.</translation>
    </message>
    <message>
        <source>Cancel the announced withdrawal.</source>
        <translation>Отменить объявленный вывод.</translation>
    </message>
    <message>
        <source>Announce a withdrawal of {amount} BTT. It becomes possible {notice} after this is confirmed; seeders may cash your cheques until then.</source>
        <translation>Объявить вывод {amount} BTT. Он станет возможен через {notice} после подтверждения; до тех пор сидеры могут обналичивать ваши чеки.</translation>
    </message>
    <message>
        <source>Announce</source>
        <translation>Объявить</translation>
    </message>
    <message>
        <source>Seeders get a notice period to cash your cheques before BTT can leave the vault. Enter the amount to withdraw (0 cancels an announced withdrawal).</source>
        <translation>У раздающих есть срок уведомления, чтобы обналичить ваши чеки, прежде чем BTT покинут хранилище. Введите сумму вывода (0 отменяет объявленный вывод).</translation>
    </message>
    <message>
        <source>Withdraw up to {amount} BTT from the vault into your wallet.</source>
        <translation>Вывести до {amount} BTT из хранилища в кошелёк.</translation>
    </message>
    <message>
        <source>Withdrew {amount} BTT to your wallet.</source>
        <translation>Выведено {amount} BTT в ваш кошелёк.</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>Вывод…</translation>
    </message>
    <message>
        <source>The fee (about {fee} BTT at your rate) is more than what this cashes.</source>
        <translation>Комиссия (около {fee} BTT по вашему курсу) больше, чем обналичивается.</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Обналичивание</translation>
    </message>
    <message>
        <source>Cash {amount} BTT of cheques into your wallet.</source>
        <translation>Обналичить чеки на {amount} BTT в кошелёк.</translation>
    </message>
    <message>
        <source>Cashing cheques…</source>
        <translation>Обналичивание чеков…</translation>
    </message>
    <message>
        <source>Cash out failed: {reason}</source>
        <translation>Не удалось обналичить: {reason}</translation>
    </message>
    <message>
        <source>Cashed {amount} BTT into your wallet.</source>
        <translation>Обналичено {amount} BTT в ваш кошелёк.</translation>
    </message>
    <message>
        <source>Nothing to cash: no cheque holds more than was cashed.</source>
        <translation>Нечего обналичивать: ни один чек не превышает уже обналиченное.</translation>
    </message>
    <message>
        <source>{amount} BTT bounced: the downloader&apos;s vault does not hold it.</source>
        <translation>{amount} BTT не оплачено: в хранилище загружающего их нет.</translation>
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
        <translation>Кошелёк</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Добавить счёт</translation>
    </message>
    <message>
        <source>Add the next account of this recovery phrase</source>
        <translation>Добавить следующий счёт этой фразы восстановления</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Счёт:</translation>
    </message>
    <message>
        <source>Network settings: node URL, API key</source>
        <translation>Настройки сети: URL узла, ключ API</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Сеть:</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Сменить пароль…</translation>
    </message>
    <message>
        <source>Export recovery phrase or key…</source>
        <translation>Экспорт фразы восстановления или ключа…</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>Запомнить пароль на этом компьютере</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>Скопировать адрес</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Отправить…</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Получить</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Recent transactions</source>
        <translation>Последние транзакции</translation>
    </message>
    <message>
        <source>Still locked: {reason}</source>
        <translation>Всё ещё заблокирован: {reason}</translation>
    </message>
    <message>
        <source>The wallet is ready.</source>
        <translation>Кошелёк готов.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Заблокирован</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Разблокирован</translation>
    </message>
    <message>
        <source>Watch-only</source>
        <translation>Только просмотр</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Разблокировать…</translation>
    </message>
    <message>
        <source>A watch-only wallet holds no key and cannot send</source>
        <translation>Кошелёк только для просмотра не хранит ключ и не может отправлять</translation>
    </message>
    <message>
        <source>Remember the password (not available here)</source>
        <translation>Запомнить пароль (здесь недоступно)</translation>
    </message>
    <message>
        <source>Checking balances…</source>
        <translation>Проверка балансов…</translation>
    </message>
    <message>
        <source>Exactly {amount} {token}</source>
        <translation>Ровно {amount} {token}</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Обновлено {time}</translation>
    </message>
    <message>
        <source>Never updated</source>
        <translation>Ни разу не обновлялось</translation>
    </message>
    <message>
        <source>Not up to date: {reason}</source>
        <translation>Данные устарели: {reason}</translation>
    </message>
    <message>
        <source>(showing the amounts of {time})</source>
        <translation>(показаны суммы на {time})</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Обновление…</translation>
    </message>
    <message>
        <source>Added {label}.</source>
        <translation>Добавлен {label}.</translation>
    </message>
    <message>
        <source>Rename account</source>
        <translation>Переименовать счёт</translation>
    </message>
    <message>
        <source>Name of {address}:</source>
        <translation>Имя для {address}:</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>Заблокирован.</translation>
    </message>
    <message>
        <source>Unlock the wallet</source>
        <translation>Разблокировать кошелёк</translation>
    </message>
    <message>
        <source>Enter the wallet password.</source>
        <translation>Введите пароль кошелька.</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>Разблокирован.</translation>
    </message>
    <message>
        <source>Change the wallet password</source>
        <translation>Сменить пароль кошелька</translation>
    </message>
    <message>
        <source>Enter the current password.</source>
        <translation>Введите текущий пароль.</translation>
    </message>
    <message>
        <source>The password was changed.</source>
        <translation>Пароль изменён.</translation>
    </message>
    <message>
        <source>The password is no longer kept on this computer.</source>
        <translation>Пароль больше не хранится на этом компьютере.</translation>
    </message>
    <message>
        <source>Remember the password</source>
        <translation>Запомнить пароль</translation>
    </message>
    <message>
        <source>Enter the wallet password to keep it in the system keyring.</source>
        <translation>Введите пароль кошелька, чтобы сохранить его в системной связке ключей.</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring.</source>
        <translation>Пароль хранится в системной связке ключей.</translation>
    </message>
    <message>
        <source>Address copied.</source>
        <translation>Адрес скопирован.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>About BTT Desktop</source>
        <translation>О программе BTT Desktop</translation>
    </message>
    <message>
        <source>Add Magnet Link or URL…</source>
        <translation>Добавить магнит-ссылку или URL…</translation>
    </message>
    <message>
        <source>Add Peers…</source>
        <translation>Добавить пиры…</translation>
    </message>
    <message>
        <source>Add Torrent File…</source>
        <translation>Добавить торрент-файл…</translation>
    </message>
    <message>
        <source>Add a .torrent file</source>
        <translation>Добавить файл .torrent</translation>
    </message>
    <message>
        <source>Add magnet links or .torrent URLs</source>
        <translation>Добавить магнит-ссылки или URL файлов .torrent</translation>
    </message>
    <message>
        <source>Alternative Speed Limits</source>
        <translation>Особые ограничения скорости</translation>
    </message>
    <message>
        <source>Ask the trackers and the DHT for peers now</source>
        <translation>Запросить пиров у трекеров и DHT сейчас</translation>
    </message>
    <message>
        <source>Banned Peers…</source>
        <translation>Заблокированные пиры…</translation>
    </message>
    <message>
        <source>Check the downloaded data again</source>
        <translation>Заново проверить загруженные данные</translation>
    </message>
    <message>
        <source>Connect to peers you name by IP:port</source>
        <translation>Подключиться к пирам, указанным по IP:порт</translation>
    </message>
    <message>
        <source>Copy Magnet Link</source>
        <translation>Копировать магнит-ссылку</translation>
    </message>
    <message>
        <source>Create Torrent…</source>
        <translation>Создать торрент…</translation>
    </message>
    <message>
        <source>Details Pane</source>
        <translation>Панель сведений</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Документация</translation>
    </message>
    <message>
        <source>Download in Sequential Order</source>
        <translation>Загружать последовательно</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Force Reannounce</source>
        <translation>Анонсировать принудительно</translation>
    </message>
    <message>
        <source>Force Recheck</source>
        <translation>Проверить принудительно</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Limit the speed of the selected torrents</source>
        <translation>Ограничить скорость выбранных торрентов</translation>
    </message>
    <message>
        <source>Make a .torrent from a file or folder</source>
        <translation>Создать .torrent из файла или папки</translation>
    </message>
    <message>
        <source>Move Down in Queue</source>
        <translation>Понизить в очереди</translation>
    </message>
    <message>
        <source>Move Storage…</source>
        <translation>Переместить файлы…</translation>
    </message>
    <message>
        <source>Move Up in Queue</source>
        <translation>Повысить в очереди</translation>
    </message>
    <message>
        <source>Move down in the download queue</source>
        <translation>Понизить в очереди загрузок</translation>
    </message>
    <message>
        <source>Move the downloaded files to another folder</source>
        <translation>Переместить загруженные файлы в другую папку</translation>
    </message>
    <message>
        <source>Move up in the download queue</source>
        <translation>Повысить в очереди загрузок</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Open the BTT Desktop documentation</source>
        <translation>Открыть документацию BTT Desktop</translation>
    </message>
    <message>
        <source>Open the folder that holds the files</source>
        <translation>Открыть папку с файлами</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>Pause All</source>
        <translation>Остановить все</translation>
    </message>
    <message>
        <source>Pause the selected torrents</source>
        <translation>Остановить выбранные торренты</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Remove With Files…</source>
        <translation>Удалить вместе с файлами…</translation>
    </message>
    <message>
        <source>Remove the selected torrents</source>
        <translation>Удалить выбранные торренты</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <source>Resume All</source>
        <translation>Возобновить все</translation>
    </message>
    <message>
        <source>Resume the selected torrents</source>
        <translation>Возобновить выбранные торренты</translation>
    </message>
    <message>
        <source>See and unban the peers you banned</source>
        <translation>Просмотреть и разблокировать заблокированных вами пиров</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>Speed Limits…</source>
        <translation>Ограничения скорости…</translation>
    </message>
    <message>
        <source>Switch to the alternative speed limits</source>
        <translation>Переключиться на особые ограничения скорости</translation>
    </message>
    <message>
        <source>The terms under which you may use and share BTT Desktop</source>
        <translation>Условия, на которых можно использовать BTT Desktop и делиться им</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Панель инструментов</translation>
    </message>
</context>
<context>
    <name>WindowApp</name>
    <message>
        <source>BTT Speed runs on the daemon; this window drives only its torrents</source>
        <translation>BTT Speed работает на демоне; это окно управляет только его торрентами</translation>
    </message>
    <message>
        <source>Cannot watch the folder</source>
        <translation>Не удаётся отслеживать папку</translation>
    </message>
    <message>
        <source>Speed could not start: {reason}</source>
        <translation>Не удалось запустить Speed: {reason}</translation>
    </message>
    <message>
        <source>The alternative speed limits apply to this computer; set the daemon&apos;s on the daemon</source>
        <translation>Особые ограничения скорости действуют на этом компьютере; ограничения демона задаются на демоне</translation>
    </message>
    <message>
        <source>The proxy password could not be read from the OS keyring: {reason}</source>
        <translation>Не удалось прочитать пароль прокси из связки ключей ОС: {reason}</translation>
    </message>
    <message>
        <source>The wallet could not start: {reason}</source>
        <translation>Не удалось запустить кошелёк: {reason}</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>{count}×</source>
        <translation>{count}×</translation>
    </message>
</context>
</TS>
