<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddFlow</name>
    <message>
        <source>Add Torrent Files</source>
        <translation>添加种子文件</translation>
    </message>
    <message>
        <source>Torrent files (*.torrent);;All files (*)</source>
        <translation>种子文件 (*.torrent);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Downloading {url}…</source>
        <translation>正在下载 {url}…</translation>
    </message>
    <message>
        <source>{name} is already in the list, with all the trackers of the new source.</source>
        <translation>{name} 已在列表中，且已包含新来源的所有 Tracker。</translation>
    </message>
    <message>
        <source>{name} is already in the list; trackers are not merged into a private torrent.</source>
        <translation>{name} 已在列表中；Tracker 不会合并到私有种子中。</translation>
    </message>
    <message>
        <source>Torrent Already in the List</source>
        <translation>种子已在列表中</translation>
    </message>
    <message>
        <source>{name} is already in the list. Merge trackers from the new source?</source>
        <translation>{name} 已在列表中。要合并来自新来源的 Tracker 吗？</translation>
    </message>
    <message>
        <source>New trackers: {urls}</source>
        <translation>新的 Tracker：{urls}</translation>
    </message>
    <message>
        <source>Merge Trackers</source>
        <translation>合并 Tracker</translation>
    </message>
    <message>
        <source>Don&apos;t Merge</source>
        <translation>不合并</translation>
    </message>
    <message>
        <source>{count} trackers merged into {name}</source>
        <translation>已将 {count} 个 Tracker 合并到 {name}</translation>
    </message>
</context>
<context>
    <name>AddLinksDialog</name>
    <message>
        <source>Add Magnet Links or URLs</source>
        <translation>添加磁力链接或 URL</translation>
    </message>
    <message>
        <source>One magnet link, info hash or .torrent URL per line:</source>
        <translation>每行一个磁力链接、信息哈希值或 .torrent 的 URL：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>{first} (and {more} more)</source>
        <translation>{first}（及另外 {more} 个）</translation>
    </message>
    <message>
        <source>Enter at least one link.</source>
        <translation>请至少输入一个链接。</translation>
    </message>
</context>
<context>
    <name>AddPeersDialog</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add Peers</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Banned Peers</source>
        <translation>已禁止的用户</translation>
    </message>
    <message>
        <source>No peer is banned.</source>
        <translation>没有被禁止的用户。</translation>
    </message>
    <message>
        <source>Not IP:port: {lines}.</source>
        <translation>不是 IP:端口：{lines}。</translation>
    </message>
    <message>
        <source>Peers from these addresses are refused, in every torrent.</source>
        <translation>来自这些地址的用户在所有种子中都会被拒绝。</translation>
    </message>
    <message>
        <source>Peers to connect to for {name}, one IP:port per line (an IPv6 address in brackets):</source>
        <translation>要为 {name} 连接的用户，每行一个 IP:端口（IPv6 地址放在方括号中）：</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>解除禁止</translation>
    </message>
</context>
<context>
    <name>AddTorrentDialog</name>
    <message>
        <source>Add Torrent</source>
        <translation>添加种子</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Start paused</source>
        <translation>添加后暂停</translation>
    </message>
    <message>
        <source>Download in sequential order</source>
        <translation>按顺序下载</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Pick a category, or type a new one</source>
        <translation>选择分类，或输入新分类</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>以逗号分隔</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Info hash:</source>
        <translation>信息哈希值：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>注释：</translation>
    </message>
    <message>
        <source>Save at:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>分类：</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Retrieving metadata…</source>
        <translation>正在获取元数据…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>(name not known yet)</source>
        <translation>（名称尚未知晓）</translation>
    </message>
    <message>
        <source>unknown until metadata arrives</source>
        <translation>元数据到达前未知</translation>
    </message>
    <message>
        <source>Cannot retrieve metadata: {reason}</source>
        <translation>无法获取元数据：{reason}</translation>
    </message>
    <message>
        <source>{wanted} (of {total})</source>
        <translation>{wanted}（共 {total}）</translation>
    </message>
    <message>
        <source>Choose a folder to save into.</source>
        <translation>请选择要保存到的文件夹。</translation>
    </message>
    <message>
        <source>Give the full path of a folder, starting at the root.</source>
        <translation>请填写文件夹的完整路径，从根目录开始。</translation>
    </message>
    <message>
        <source>This path runs through a file, so no folder can be made there.</source>
        <translation>此路径经过一个文件，因此无法在该处创建文件夹。</translation>
    </message>
    <message>
        <source>This folder cannot be written to: choose one of yours.</source>
        <translation>无法写入此文件夹：请选择您自己的文件夹。</translation>
    </message>
    <message>
        <source>This disk has not enough free space for the selected files.</source>
        <translation>此磁盘没有足够的可用空间存放所选文件。</translation>
    </message>
    <message>
        <source>Choose save folder</source>
        <translation>选择保存文件夹</translation>
    </message>
    <message>
        <source>Free space: {size}</source>
        <translation>可用空间：{size}</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <source>Amount in BTT</source>
        <translation>BTT 数额</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>数额</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>Edit Category</source>
        <translation>编辑分类</translation>
    </message>
    <message>
        <source>New Category</source>
        <translation>新建分类</translation>
    </message>
    <message>
        <source>The default save path</source>
        <translation>默认保存路径</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Save path:</source>
        <translation>保存路径：</translation>
    </message>
    <message>
        <source>There is a category of that name already.</source>
        <translation>已存在同名分类。</translation>
    </message>
    <message>
        <source>Choose the category&apos;s folder</source>
        <translation>选择分类的文件夹</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change the wallet password</source>
        <translation>更改钱包密码</translation>
    </message>
    <message>
        <source>Choose the new password. The current one is asked next.</source>
        <translation>请设置新密码。接下来会要求输入当前密码。</translation>
    </message>
</context>
<context>
    <name>CheckedLinesDialog</name>
    <message>
        <source>{lines} and {count} more</source>
        <translation>{lines} 及另外 {count} 个</translation>
    </message>
</context>
<context>
    <name>ConfirmSendDialog</name>
    <message>
        <source>Confirm the transfer</source>
        <translation>确认转账</translation>
    </message>
    <message>
        <source>Send {amount} {token}?</source>
        <translation>发送 {amount} {token}？</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收款方：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>付款方：</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Network fee:</source>
        <translation>网络手续费：</translation>
    </message>
    <message>
        <source>Transfers cannot be undone. Check the address: funds sent to a wrong address are lost.</source>
        <translation>转账无法撤销。请核对地址：发送到错误地址的资金将永久丢失。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
</context>
<context>
    <name>ConfirmSpendDialog</name>
    <message>
        <source>Network: {network}</source>
        <translation>网络：{network}</translation>
    </message>
    <message>
        <source>{step}: up to {fee} TRX ({energy} energy)</source>
        <translation>{step}：最多 {fee} TRX（{energy} 能量）</translation>
    </message>
    <message>
        <source>Total fee: up to {fee} TRX</source>
        <translation>手续费合计：最多 {fee} TRX</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to Daemon</source>
        <translation>连接到守护进程</translation>
    </message>
    <message>
        <source>Drive the torrents of a BTT daemon (btt daemon) from this window. BTT Speed and the wallet stay on this computer.</source>
        <translation>在此窗口中管理 BTT 守护进程（btt daemon）的种子。BTT Speed 和钱包仍留在这台电脑上。</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>在这台电脑上记住密码</translation>
    </message>
    <message>
        <source>No secure OS keyring: {reason}</source>
        <translation>没有安全的系统密钥环：{reason}</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>CreateTorrentDialog</name>
    <message>
        <source>Create Torrent</source>
        <translation>制作种子</translation>
    </message>
    <message>
        <source>File or folder to share</source>
        <translation>要分享的文件或文件夹</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>One tracker URL per line</source>
        <translation>每行一个 Tracker URL</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>v1 (works with every client)</source>
        <translation>v1（所有客户端都支持）</translation>
    </message>
    <message>
        <source>Hybrid (v1 and v2)</source>
        <translation>混合（v1 和 v2）</translation>
    </message>
    <message>
        <source>v2 only</source>
        <translation>仅 v2</translation>
    </message>
    <message>
        <source>Private torrent (no DHT, PeX or LSD)</source>
        <translation>私有种子（不使用 DHT、PeX 或 LSD）</translation>
    </message>
    <message>
        <source>Start seeding when done</source>
        <translation>完成后开始做种</translation>
    </message>
    <message>
        <source>Share:</source>
        <translation>分享：</translation>
    </message>
    <message>
        <source>Trackers:</source>
        <translation>Tracker：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>注释：</translation>
    </message>
    <message>
        <source>Piece size:</source>
        <translation>分块大小：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>创建…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Choose a folder to share</source>
        <translation>选择要分享的文件夹</translation>
    </message>
    <message>
        <source>Choose a file to share</source>
        <translation>选择要分享的文件</translation>
    </message>
    <message>
        <source>Choose a file or folder to share first.</source>
        <translation>请先选择要分享的文件或文件夹。</translation>
    </message>
    <message>
        <source>Save torrent as</source>
        <translation>将种子另存为</translation>
    </message>
    <message>
        <source>Torrent files (*.torrent)</source>
        <translation>种子文件 (*.torrent)</translation>
    </message>
    <message>
        <source>Hashing…</source>
        <translation>正在计算哈希…</translation>
    </message>
    <message>
        <source>Created {path} ({size}, {pieces} pieces)</source>
        <translation>已创建 {path}（{size}，{pieces} 个分块）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Trackers</source>
        <translation>Tracker</translation>
    </message>
    <message>
        <source>Select a torrent to see its details.</source>
        <translation>选择一个种子以查看详情。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export secrets</source>
        <translation>导出机密信息</translation>
    </message>
    <message>
        <source>Recovery phrase (all accounts)</source>
        <translation>助记词（所有账户）</translation>
    </message>
    <message>
        <source>Private key of {label}</source>
        <translation>{label} 的私钥</translation>
    </message>
    <message>
        <source>Keystore file of {label} (TronLink, web3)</source>
        <translation>{label} 的 Keystore 文件（TronLink、web3）</translation>
    </message>
    <message>
        <source>This wallet was imported from a key: it has no recovery phrase.</source>
        <translation>此钱包是通过私钥导入的：没有助记词。</translation>
    </message>
    <message>
        <source>Anyone who sees these can take all the funds. Show them only on a computer you trust, with nobody watching, and never send them to anyone: no support team will ever ask for them.</source>
        <translation>任何看到这些内容的人都能拿走全部资金。只在你信任的电脑上、无人旁观时显示，并且绝不要发送给任何人：任何客服都不会向你索要它们。</translation>
    </message>
    <message>
        <source>Encrypt the keystore file with another password</source>
        <translation>用另一个密码加密 Keystore 文件</translation>
    </message>
    <message>
        <source>Show…</source>
        <translation>显示…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Hide and close</source>
        <translation>隐藏并关闭</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Enter the wallet password to continue.</source>
        <translation>请输入钱包密码以继续。</translation>
    </message>
    <message>
        <source>Save the keystore file</source>
        <translation>保存 Keystore 文件</translation>
    </message>
    <message>
        <source>Keystore files (*.json)</source>
        <translation>Keystore 文件 (*.json)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Keystore saved</source>
        <translation>Keystore 已保存</translation>
    </message>
    <message>
        <source>TronLink and other wallets open it with its password. Keep it as safe as the password itself.</source>
        <translation>TronLink 等钱包可用其密码打开它。请像保管密码一样妥善保管此文件。</translation>
    </message>
    <message>
        <source>Recovery phrase</source>
        <translation>助记词</translation>
    </message>
    <message>
        <source>This wallet also uses a BIP39 passphrase: without it these words restore a different, empty wallet.</source>
        <translation>此钱包还使用了 BIP39 密语：没有它，这些助记词将恢复出另一个空钱包。</translation>
    </message>
    <message>
        <source>Write them on paper, in this order.</source>
        <translation>请按此顺序抄写在纸上。</translation>
    </message>
    <message>
        <source>Private key of {address}</source>
        <translation>{address} 的私钥</translation>
    </message>
    <message>
        <source>It controls this one account.</source>
        <translation>它只控制这一个账户。</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in {n} seconds.</source>
        <translation>已复制。剪贴板将在 {n} 秒后清空。</translation>
    </message>
</context>
<context>
    <name>FileTreeModel</name>
    <message>
        <source>Do not download</source>
        <translation>不下载</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open Containing Folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Set up your wallet</source>
        <translation>设置你的钱包</translation>
    </message>
    <message>
        <source>The wallet holds TRX and BTT on the TRON network: BTT pays for faster downloads and receives what you earn by seeding. It lives on this computer, protected by a password.</source>
        <translation>钱包保存 TRON 网络上的 TRX 和 BTT：BTT 用于支付更快的下载，并接收你做种赚取的收益。钱包保存在这台电脑上，由密码保护。</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>创建新钱包</translation>
    </message>
    <message>
        <source>Restore or import a wallet</source>
        <translation>恢复或导入钱包</translation>
    </message>
    <message>
        <source>You get a new recovery phrase (12 or 24 words) to write down on paper.</source>
        <translation>你将获得一组新的助记词（12 或 24 个单词），请抄写在纸上。</translation>
    </message>
    <message>
        <source>From a recovery phrase, a private key, a TronLink keystore file, or an address to watch.</source>
        <translation>通过助记词、私钥、TronLink Keystore 文件，或仅观察一个地址。</translation>
    </message>
    <message>
        <source>Your recovery phrase</source>
        <translation>你的助记词</translation>
    </message>
    <message>
        <source>Number of words:</source>
        <translation>单词数：</translation>
    </message>
    <message>
        <source>12 words</source>
        <translation>12 个单词</translation>
    </message>
    <message>
        <source>24 words</source>
        <translation>24 个单词</translation>
    </message>
    <message>
        <source>Write these words on paper, in this order, and keep the paper somewhere safe. The order matters. Never type them into a website, never share them and never photograph them: anyone who has these words has your funds. They are the only way back into this wallet if this computer is lost.</source>
        <translation>请按顺序将这些单词抄写在纸上，并把纸放在安全的地方。顺序很重要。绝不要在任何网站输入、绝不要分享、绝不要拍照：拥有这些单词的人就拥有你的资金。如果这台电脑丢失，它们是找回此钱包的唯一途径。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>I have written them down</source>
        <translation>我已抄写好</translation>
    </message>
    <message>
        <source>Check your paper</source>
        <translation>核对你的纸条</translation>
    </message>
    <message>
        <source>Type these words from your paper, to be sure it was written correctly.</source>
        <translation>请根据纸上的记录输入这些单词，以确认抄写无误。</translation>
    </message>
    <message>
        <source>Show the words again</source>
        <translation>再次显示单词</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Recovery phrase</source>
        <translation>助记词</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>Keystore file</source>
        <translation>Keystore 文件</translation>
    </message>
    <message>
        <source>Watch an address</source>
        <translation>观察地址</translation>
    </message>
    <message>
        <source>It also has a BIP39 passphrase (extra word)</source>
        <translation>它还有 BIP39 密语（额外单词）</translation>
    </message>
    <message>
        <source>Passphrase, exactly as it was set</source>
        <translation>密语，须与设置时完全一致</translation>
    </message>
    <message>
        <source>64 hexadecimal digits</source>
        <translation>64 位十六进制数字</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>私钥：</translation>
    </message>
    <message>
        <source>TronLink or Ethereum keystore (JSON)</source>
        <translation>TronLink 或以太坊 Keystore（JSON）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Its password:</source>
        <translation>其密码：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>A watch-only wallet shows balances and transactions but cannot send.</source>
        <translation>观察钱包可以显示余额和交易，但无法发送。</translation>
    </message>
    <message>
        <source>Protect the wallet with a password</source>
        <translation>用密码保护钱包</translation>
    </message>
    <message>
        <source>The password encrypts the wallet on this computer. It is asked before sending and before showing secrets. Without it, only the recovery phrase or key can restore the wallet.</source>
        <translation>密码用于在这台电脑上加密钱包。发送资金和显示机密信息前都会要求输入密码。没有密码时，只能用助记词或私钥恢复钱包。</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>在这台电脑上记住密码</translation>
    </message>
    <message>
        <source>Looking for the system keyring…</source>
        <translation>正在查找系统密钥环…</translation>
    </message>
    <message>
        <source>Create wallet</source>
        <translation>创建钱包</translation>
    </message>
    <message>
        <source>Word {n}:</source>
        <translation>第 {n} 个单词：</translation>
    </message>
    <message>
        <source>Word {n} does not match. Check your paper: the words and their order must be exact.</source>
        <translation>第 {n} 个单词不匹配。请核对纸上的记录：单词及其顺序必须完全正确。</translation>
    </message>
    <message>
        <source>Watch this address</source>
        <translation>观察此地址</translation>
    </message>
    <message>
        <source>Choose a keystore file</source>
        <translation>选择 Keystore 文件</translation>
    </message>
    <message>
        <source>Restore wallet</source>
        <translation>恢复钱包</translation>
    </message>
    <message>
        <source>Paste the private key first.</source>
        <translation>请先粘贴私钥。</translation>
    </message>
    <message>
        <source>Import key</source>
        <translation>导入私钥</translation>
    </message>
    <message>
        <source>Choose the keystore file first.</source>
        <translation>请先选择 Keystore 文件。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is too large to be a keystore file.</source>
        <translation>{path} 太大，不可能是 Keystore 文件。</translation>
    </message>
    <message>
        <source>Import keystore</source>
        <translation>导入 Keystore</translation>
    </message>
    <message>
        <source>Kept in {backend}; the wallet then opens unlocked.</source>
        <translation>保存在 {backend} 中；之后钱包打开时即为已解锁状态。</translation>
    </message>
    <message>
        <source>Not available: {reason}</source>
        <translation>不可用：{reason}</translation>
    </message>
    <message>
        <source>Encrypting the wallet…</source>
        <translation>正在加密钱包…</translation>
    </message>
    <message>
        <source>Wrong password for the keystore file.</source>
        <translation>Keystore 文件的密码错误。</translation>
    </message>
    <message>
        <source>The password is not remembered: {reason}</source>
        <translation>密码未被记住：{reason}</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>{d}d {h}h</source>
        <translation>{d}天{h}小时</translation>
    </message>
    <message>
        <source>{h}h {m}m</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <source>{m}m {s}s</source>
        <translation>{m}分{s}秒</translation>
    </message>
    <message>
        <source>{size}/s</source>
        <translation>{size}/秒</translation>
    </message>
    <message>
        <source>{s}s</source>
        <translation>{s}秒</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>Transfer</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>Time active:</source>
        <translation>活动时间：</translation>
    </message>
    <message>
        <source>Downloaded:</source>
        <translation>已下载：</translation>
    </message>
    <message>
        <source>Uploaded:</source>
        <translation>已上传：</translation>
    </message>
    <message>
        <source>Share ratio:</source>
        <translation>分享率：</translation>
    </message>
    <message>
        <source>Download speed:</source>
        <translation>下载速度：</translation>
    </message>
    <message>
        <source>Upload speed:</source>
        <translation>上传速度：</translation>
    </message>
    <message>
        <source>Limits (down / up):</source>
        <translation>限制（下载 / 上传）：</translation>
    </message>
    <message>
        <source>Seeds / peers:</source>
        <translation>做种数 / 用户：</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Total size:</source>
        <translation>总大小：</translation>
    </message>
    <message>
        <source>Pieces:</source>
        <translation>分块：</translation>
    </message>
    <message>
        <source>Availability:</source>
        <translation>可用性：</translation>
    </message>
    <message>
        <source>Added on:</source>
        <translation>添加于：</translation>
    </message>
    <message>
        <source>Completed on:</source>
        <translation>完成于：</translation>
    </message>
    <message>
        <source>Info hash v1:</source>
        <translation>信息哈希值 v1：</translation>
    </message>
    <message>
        <source>Info hash v2:</source>
        <translation>信息哈希值 v2：</translation>
    </message>
    <message>
        <source>Save path:</source>
        <translation>保存路径：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>注释：</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>创建者：</translation>
    </message>
    <message>
        <source>Private:</source>
        <translation>私有：</translation>
    </message>
    <message>
        <source>{active} (seeding {seeding})</source>
        <translation>{active}（做种 {seeding}）</translation>
    </message>
    <message>
        <source>{count} × {size} (have {have})</source>
        <translation>{count} × {size}（已有 {have}）</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{seeds} ({list_seeds}) / {peers} ({list_peers})</source>
        <translation>{seeds}（{list_seeds}）/ {peers}（{list_peers}）</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>No documentation is installed.</source>
        <translation>未安装文档。</translation>
    </message>
    <message>
        <source>About BTT Desktop</source>
        <translation>关于 BTT Desktop</translation>
    </message>
    <message>
        <source>{app} {version}
A BitTorrent client with a TRON wallet.</source>
        <translation>{app} {version}
带有 TRON 钱包的 BitTorrent 客户端。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>数额</translation>
    </message>
    <message>
        <source>From / to / contract</source>
        <translation>来源 / 去向 / 合约</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Amount {amount}</source>
        <translation>金额 {amount}</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Call: {function}</source>
        <translation>调用：{function}</translation>
    </message>
    <message>
        <source>Cheque cashed</source>
        <translation>支票已兑现</translation>
    </message>
    <message>
        <source>Cheques cashed</source>
        <translation>多张支票已兑现</translation>
    </message>
    <message>
        <source>Contract call</source>
        <translation>合约调用</translation>
    </message>
    <message>
        <source>Contract deployed</source>
        <translation>合约已部署</translation>
    </message>
    <message>
        <source>Contract {address}</source>
        <translation>合约 {address}</translation>
    </message>
    <message>
        <source>Double-click to copy the transaction ID</source>
        <translation>双击复制交易 ID</translation>
    </message>
    <message>
        <source>Failed ({result}): {reason}</source>
        <translation>失败（{result}）：{reason}</translation>
    </message>
    <message>
        <source>Function {name}</source>
        <translation>函数 {name}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Transaction {txid}</source>
        <translation>交易 {txid}</translation>
    </message>
    <message>
        <source>Vault deposit</source>
        <translation>存入金库</translation>
    </message>
    <message>
        <source>Vault withdrawal</source>
        <translation>从金库提取</translation>
    </message>
    <message>
        <source>Withdrawal notice</source>
        <translation>提取通知</translation>
    </message>
    <message>
        <source>contract {address}</source>
        <translation>合约 {address}</translation>
    </message>
    <message>
        <source>from {address}</source>
        <translation>来自 {address}</translation>
    </message>
    <message>
        <source>to {address}</source>
        <translation>发往 {address}</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ 失败</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>No transactions yet.</source>
        <translation>暂无交易。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Not loaded: the node cannot be reached.</source>
        <translation>未加载：无法连接到节点。</translation>
    </message>
    <message>
        <source>Transactions unavailable: {reason}</source>
        <translation>交易不可用：{reason}</translation>
    </message>
    <message>
        <source>Saved list: the node did not answer ({reason}).</source>
        <translation>已保存的列表：节点未响应（{reason}）。</translation>
    </message>
    <message>
        <source>Partial history: {reason}</source>
        <translation>历史记录不完整：{reason}</translation>
    </message>
</context>
<context>
    <name>LabelActions</name>
    <message>
        <source>Export .torrent…</source>
        <translation>导出 .torrent…</translation>
    </message>
    <message>
        <source>Super Seeding Mode</source>
        <translation>超级做种模式</translation>
    </message>
    <message>
        <source>Offer each peer pieces nobody else has, to spread a new torrent quickly</source>
        <translation>向每个用户提供其他人都没有的分块，以便快速传播新种子</translation>
    </message>
    <message>
        <source>Cannot read the categories and tags</source>
        <translation>无法读取分类和标签</translation>
    </message>
    <message>
        <source>Add Category…</source>
        <translation>添加分类…</translation>
    </message>
    <message>
        <source>Edit Category…</source>
        <translation>编辑分类…</translation>
    </message>
    <message>
        <source>Remove Category</source>
        <translation>移除分类</translation>
    </message>
    <message>
        <source>Cannot remove the category</source>
        <translation>无法移除分类</translation>
    </message>
    <message>
        <source>Add Tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Cannot remove the tag</source>
        <translation>无法移除标签</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove All</source>
        <translation>全部移除</translation>
    </message>
    <message>
        <source>Cannot remove the tags</source>
        <translation>无法移除标签</translation>
    </message>
    <message>
        <source>Cannot set the category</source>
        <translation>无法设置分类</translation>
    </message>
    <message>
        <source>Cannot add the tag</source>
        <translation>无法添加标签</translation>
    </message>
    <message>
        <source>Cannot add the category</source>
        <translation>无法添加分类</translation>
    </message>
    <message>
        <source>Cannot change the category</source>
        <translation>无法更改分类</translation>
    </message>
    <message>
        <source>Cannot add the tags</source>
        <translation>无法添加标签</translation>
    </message>
    <message>
        <source>Cannot change super seeding</source>
        <translation>无法更改超级做种</translation>
    </message>
    <message>
        <source>Cannot export the .torrent file</source>
        <translation>无法导出 .torrent 文件</translation>
    </message>
    <message>
        <source>Export .torrent</source>
        <translation>导出 .torrent</translation>
    </message>
    <message>
        <source>Torrent files (*.torrent)</source>
        <translation>种子文件 (*.torrent)</translation>
    </message>
    <message>
        <source>Export .torrent Files to a Folder</source>
        <translation>将 .torrent 文件导出到文件夹</translation>
    </message>
</context>
<context>
    <name>LabelList</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Uncategorised</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>无标签</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <extracomment>Language setting -&gt; native name. ``&quot;&quot;`` follows the system; English is the source text.</extracomment>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>not declared</source>
        <translation>未声明</translation>
    </message>
    <message>
        <source>{app} {version} is free software, licensed under {licence}.</source>
        <translation>{app} {version} 是自由软件。许可证：{licence}。</translation>
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
        <translation>GNU 通用公共许可证第 3 版全文</translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <source>Torrent Speed Limits</source>
        <translation>种子速度限制</translation>
    </message>
    <message>
        <source>{count} torrents</source>
        <translation>{count} 个种子</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>Download limit:</source>
        <translation>下载限制：</translation>
    </message>
    <message>
        <source>Upload limit:</source>
        <translation>上传限制：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation>版块</translation>
    </message>
    <message>
        <source>Torrents</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>{app} – Connected to {daemon}</source>
        <translation>{app} – 已连接到 {daemon}</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Torrent</source>
        <translation>种子(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>工具(&amp;O)</translation>
    </message>
    <message>
        <source>Alternative speed limits on</source>
        <translation>备用速度限制已开启</translation>
    </message>
    <message>
        <source>Alternative speed limits off</source>
        <translation>备用速度限制已关闭</translation>
    </message>
    <message>
        <source>A file in the watched folder was refused: {name}: {reason}</source>
        <translation>监视文件夹中的文件被拒绝：{name}：{reason}</translation>
    </message>
    <message>
        <source>Added from the watched folder: {name}</source>
        <translation>已从监视文件夹添加：{name}</translation>
    </message>
    <message>
        <source>Already in the list (from the watched folder): {name}</source>
        <translation>已在列表中（来自监视文件夹）：{name}</translation>
    </message>
    <message>
        <source>Download finished</source>
        <translation>下载完成</translation>
    </message>
    <message>
        <source>Finished: {name}</source>
        <translation>已完成：{name}</translation>
    </message>
    <message>
        <source>{name} stopped: {reason}</source>
        <translation>种子 {name} 已停止：{reason}</translation>
    </message>
    <message>
        <source>[D: {down}, U: {up}] {app}</source>
        <translation>[下：{down}，上：{up}] {app}</translation>
    </message>
    <message>
        <source>Saving resume data…</source>
        <translation>正在保存恢复数据…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss All</source>
        <translation>全部关闭</translation>
    </message>
    <message>
        <source>{count} more messages</source>
        <translation>还有 {count} 条消息</translation>
    </message>
    <message>
        <source>1 more message</source>
        <translation>还有 1 条消息</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network settings</source>
        <translation>网络设置</translation>
    </message>
    <message>
        <source>Optional: your TronGrid API key</source>
        <translation>可选：你的 TronGrid API 密钥</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Node URL:</source>
        <translation>节点 URL：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>BTT token contract:</source>
        <translation>BTT 代币合约：</translation>
    </message>
    <message>
        <source>http://host:port (required)</source>
        <translation>http://host:port（必填）</translation>
    </message>
    <message>
        <source>read from the node</source>
        <translation>从节点读取</translation>
    </message>
    <message>
        <source>T… (optional)</source>
        <translation>T…（可选）</translation>
    </message>
    <message>
        <source>The real TRON network: real TRX and BTT.</source>
        <translation>真实的 TRON 网络：真实的 TRX 和 BTT。</translation>
    </message>
    <message>
        <source>TRON&apos;s public test network: test TRX from its faucet, no value.</source>
        <translation>TRON 的公共测试网络：测试 TRX 来自其水龙头，没有价值。</translation>
    </message>
    <message>
        <source>A local node (btt devnet) for trying things out with tokens from its faucet.</source>
        <translation>本地节点（btt devnet），可用其水龙头发放的代币进行试验。</translation>
    </message>
    <message>
        <source>Any java-tron compatible node.</source>
        <translation>任何兼容 java-tron 的节点。</translation>
    </message>
</context>
<context>
    <name>Networks</name>
    <message>
        <source>TRON mainnet</source>
        <translation>TRON 主网</translation>
    </message>
    <message>
        <source>Nile testnet</source>
        <translation>Nile 测试网</translation>
    </message>
    <message>
        <source>Local devnet</source>
        <translation>本地开发网</translation>
    </message>
    <message>
        <source>Custom node</source>
        <translation>自定义节点</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>重复：</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password must not start or end with a space.</source>
        <translation>密码不能以空格开头或结尾。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Wallet password</source>
        <translation>钱包密码</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在验证密码…</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>At least {n} characters. A few unrelated words make a strong password.</source>
        <translation>至少 {n} 个字符。几个互不相关的单词就能组成强密码。</translation>
    </message>
    <message>
        <source>Fair: longer is better.</source>
        <translation>一般：越长越好。</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>良好。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>太短：至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>Weak: make it longer.</source>
        <translation>弱：请加长。</translation>
    </message>
</context>
<context>
    <name>PeerMenu</name>
    <message>
        <source>Add Peers…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>禁止</translation>
    </message>
    <message>
        <source>Ban Peer Permanently</source>
        <translation>永久禁止用户</translation>
    </message>
    <message>
        <source>Ban Peers</source>
        <translation>禁止用户</translation>
    </message>
    <message>
        <source>Ban {addresses} permanently? Peers from there are dropped now and refused from now on, in every torrent.</source>
        <translation>要永久禁止 {addresses} 吗？来自这些地址的用户会立即断开，今后在所有种子中都会被拒绝。</translation>
    </message>
    <message>
        <source>Banned Peers…</source>
        <translation>已禁止的用户…</translation>
    </message>
    <message>
        <source>Copy IP:port</source>
        <translation>复制 IP:端口</translation>
    </message>
</context>
<context>
    <name>PeersTab</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Down Speed</source>
        <translation>下载速度</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Up Speed</source>
        <translation>上传速度</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>已上传</translation>
    </message>
</context>
<context>
    <name>PhraseEdit</name>
    <message>
        <source>Type the words in order, separated by spaces</source>
        <translation>按顺序输入单词，以空格分隔</translation>
    </message>
</context>
<context>
    <name>PhraseInput</name>
    <message>
        <source>12, 15, 18, 21 or 24 words.</source>
        <translation>12、15、18、21 或 24 个单词。</translation>
    </message>
    <message>
        <source>{count} words so far.</source>
        <translation>目前已输入 {count} 个单词。</translation>
    </message>
    <message>
        <source>Word {n} is not in the BIP39 word list.</source>
        <translation>第 {n} 个单词不在 BIP39 单词表中。</translation>
    </message>
    <message>
        <source>Valid recovery phrase: {count} words, checksum correct.</source>
        <translation>助记词有效：{count} 个单词，校验和正确。</translation>
    </message>
</context>
<context>
    <name>Protected</name>
    <message>
        <source>Add an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Enter the wallet password to derive the next account.</source>
        <translation>请输入钱包密码以派生下一个账户。</translation>
    </message>
    <message>
        <source>Wrong password. Try again.</source>
        <translation>密码错误，请重试。</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>“{name}” is still active. Quit anyway?</source>
        <translation>“{name}”仍处于活动状态。仍要退出吗？</translation>
    </message>
    <message>
        <source>{count} torrents are still active. Quit anyway?</source>
        <translation>仍有 {count} 个种子处于活动状态。仍要退出吗？</translation>
    </message>
    <message>
        <source>Quit BTT Desktop?</source>
        <translation>退出 BTT Desktop？</translation>
    </message>
    <message>
        <source>Downloads stop and peers you are seeding to are cut off until BTT Desktop runs again.</source>
        <translation>在 BTT Desktop 再次运行之前，下载将停止，您正在为其做种的用户也会被断开。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>不再询问</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Send TRX or BTT to {label}</source>
        <translation>向 {label} 发送 TRX 或 BTT</translation>
    </message>
    <message>
        <source>Only TRX and TRON tokens (BTT TRC-20) on the {network} network. Tokens sent from another chain are lost.</source>
        <translation>仅限 {network} 网络上的 TRX 和 TRON 代币（BTT TRC-20）。从其他链发送的代币将会丢失。</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>RemoteMode</name>
    <message>
        <source>Connect to &amp;Daemon…</source>
        <translation>连接到守护进程(&amp;D)…</translation>
    </message>
    <message>
        <source>Drive the torrents of a BTT daemon</source>
        <translation>管理 BTT 守护进程的种子</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>Back to this computer&apos;s torrents</source>
        <translation>回到这台电脑的种子</translation>
    </message>
    <message>
        <source>Cannot disconnect</source>
        <translation>无法断开连接</translation>
    </message>
    <message>
        <source>Cannot connect to the daemon</source>
        <translation>无法连接到守护进程</translation>
    </message>
    <message>
        <source>Connected to {daemon}</source>
        <translation>已连接到 {daemon}</translation>
    </message>
    <message>
        <source>{daemon} unreachable, retrying…</source>
        <translation>{daemon} 无法访问，正在重试…</translation>
    </message>
</context>
<context>
    <name>RemoveDialog</name>
    <message>
        <source>Remove Torrents</source>
        <translation>移除种子</translation>
    </message>
    <message>
        <source>Remove “{name}” from the transfer list?</source>
        <translation>要从传输列表中删除“{name}”吗？</translation>
    </message>
    <message>
        <source>Remove these {count} torrents from the transfer list?</source>
        <translation>要从传输列表中删除这 {count} 个种子吗？</translation>
    </message>
    <message>
        <source>Also delete the downloaded files</source>
        <translation>同时删除已下载的文件</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>about {trx} TRX</source>
        <translation>约 {trx} TRX</translation>
    </message>
    <message>
        <source>energy {n}</source>
        <translation>能量 {n}</translation>
    </message>
    <message>
        <source>bandwidth {n} bytes</source>
        <translation>带宽 {n} 字节</translation>
    </message>
    <message>
        <source>{trx} TRX to activate the new address</source>
        <translation>激活新地址需 {trx} TRX</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>TRON address (T…)</source>
        <translation>TRON 地址（T…）</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Everything available (for TRX, less the fee)</source>
        <translation>全部可用余额（TRX 需扣除手续费）</translation>
    </message>
    <message>
        <source>Enter a recipient and an amount.</source>
        <translation>请输入收款方和数额。</translation>
    </message>
    <message>
        <source>Pay to:</source>
        <translation>付款给：</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>代币：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>数额：</translation>
    </message>
    <message>
        <source>Network fee:</source>
        <translation>网络手续费：</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>发送…</translation>
    </message>
    <message>
        <source>Copy transaction ID</source>
        <translation>复制交易 ID</translation>
    </message>
    <message>
        <source>Open in the explorer</source>
        <translation>在区块浏览器中打开</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Balance unknown</source>
        <translation>余额未知</translation>
    </message>
    <message>
        <source>Available: {amount} {token}</source>
        <translation>可用：{amount} {token}</translation>
    </message>
    <message>
        <source>This is your own address.</source>
        <translation>这是你自己的地址。</translation>
    </message>
    <message>
        <source>Valid TRON address</source>
        <translation>有效的 TRON 地址</translation>
    </message>
    <message>
        <source>Estimating…</source>
        <translation>正在估算…</translation>
    </message>
    <message>
        <source>The balance is not known yet: refresh first.</source>
        <translation>余额尚未知晓：请先刷新。</translation>
    </message>
    <message>
        <source>Enter the recipient first: the fee depends on it.</source>
        <translation>请先输入收款方：手续费取决于它。</translation>
    </message>
    <message>
        <source>Not enough TRX to pay the fee.</source>
        <translation>TRX 不足以支付手续费。</translation>
    </message>
    <message>
        <source>Sign the transfer</source>
        <translation>签署转账</translation>
    </message>
    <message>
        <source>Enter the wallet password to sign this transfer.</source>
        <translation>请输入钱包密码以签署此转账。</translation>
    </message>
    <message>
        <source>Sending {amount} {token}</source>
        <translation>正在发送 {amount} {token}</translation>
    </message>
    <message>
        <source>Sent {amount} {token}</source>
        <translation>已发送 {amount} {token}</translation>
    </message>
    <message>
        <source>Confirmed in block {block}.</source>
        <translation>已在区块 {block} 中确认。</translation>
    </message>
    <message>
        <source>Confirmed.</source>
        <translation>已确认。</translation>
    </message>
    <message>
        <source>Fee paid: {fee} TRX.</source>
        <translation>已付手续费：{fee} TRX。</translation>
    </message>
    <message>
        <source>Transaction ID: {txid}</source>
        <translation>交易 ID：{txid}</translation>
    </message>
    <message>
        <source>The transfer failed</source>
        <translation>转账失败</translation>
    </message>
    <message>
        <source>Building the transaction…</source>
        <translation>正在构建交易…</translation>
    </message>
    <message>
        <source>Signed. Sending it to the node…</source>
        <translation>已签名。正在发送到节点…</translation>
    </message>
    <message>
        <source>Broadcast. Waiting for a block…</source>
        <translation>已广播。正在等待出块…</translation>
    </message>
    <message>
        <source>Waiting for a block…</source>
        <translation>正在等待出块…</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Add torrents paused</source>
        <translation>添加种子时暂停</translation>
    </message>
    <message>
        <source>Download in sequential order by default</source>
        <translation>默认按顺序下载</translation>
    </message>
    <message>
        <source>Confirm before removing torrents</source>
        <translation>删除种子前确认</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Default save path:</source>
        <translation>默认保存路径：</translation>
    </message>
    <message>
        <source>.torrent and .magnet files put in this folder are added, then renamed “.added” (or “.invalid”, with the reason shown in the window).</source>
        <translation>放入此文件夹的 .torrent 和 .magnet 文件会被添加，然后重命名为“.added”（或“.invalid”，原因显示在窗口中）。</translation>
    </message>
    <message>
        <source>Add paused</source>
        <translation>添加后暂停</translation>
    </message>
    <message>
        <source>Allow encryption (fastest)</source>
        <translation>允许加密（最快）</translation>
    </message>
    <message>
        <source>An eMule ipfilter.dat or a PeerGuardian .p2p file, gzipped or not. Peers in its ranges are refused.</source>
        <translation>eMule 的 ipfilter.dat 或 PeerGuardian 的 .p2p 文件，可用 gzip 压缩。其范围内的用户将被拒绝。</translation>
    </message>
    <message>
        <source>Automatically add torrents from:</source>
        <translation>自动从此处添加种子：</translation>
    </message>
    <message>
        <source>Confirm when quitting with active torrents</source>
        <translation>退出时如有活动种子则提示确认</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Finished torrents are moved to their save path.</source>
        <translation>已完成的种子会被移动到其保存路径。</translation>
    </message>
    <message>
        <source>Folder for incomplete torrents</source>
        <translation>未完成种子的文件夹</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>IP block list</source>
        <translation>IP 黑名单</translation>
    </message>
    <message>
        <source>IP block list:</source>
        <translation>IP 黑名单：</translation>
    </message>
    <message>
        <source>IP block lists (*.dat *.p2p *.gz);;All files (*)</source>
        <translation>IP 黑名单 (*.dat *.p2p *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>IP filtering</source>
        <translation>IP 过滤</translation>
    </message>
    <message>
        <source>Keep incomplete torrents in:</source>
        <translation>保存未完成的种子到：</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Prefer encryption</source>
        <translation>优先加密</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Require encryption</source>
        <translation>强制加密</translation>
    </message>
    <message>
        <source>“{path}” is not a full path.</source>
        <translation>“{path}”不是完整路径。</translation>
    </message>
    <message>
        <source>Disable encryption</source>
        <translation>禁用加密</translation>
    </message>
    <message>
        <source>DHT (find peers without a tracker)</source>
        <translation>DHT（无需 Tracker 即可找到用户）</translation>
    </message>
    <message>
        <source>Peer exchange (PeX)</source>
        <translation>用户交换（PeX）</translation>
    </message>
    <message>
        <source>Local peer discovery</source>
        <translation>本地用户发现</translation>
    </message>
    <message>
        <source>Port forwarding with UPnP</source>
        <translation>通过 UPnP 进行端口转发</translation>
    </message>
    <message>
        <source>Port forwarding with NAT-PMP</source>
        <translation>通过 NAT-PMP 进行端口转发</translation>
    </message>
    <message>
        <source>Listening and peers</source>
        <translation>监听与用户</translation>
    </message>
    <message>
        <source>Listen port:</source>
        <translation>监听端口：</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>加密：</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Save torrents from the watched folder in</source>
        <translation>将监视文件夹中的种子保存到</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Schedule the use of the alternative limits</source>
        <translation>计划使用备用限制</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>The alternative limits switch on at the first time and off at the second; a period past midnight belongs to the day it starts on. Switching by hand holds until the next change of the schedule.</source>
        <translation>备用限制在第一个时间开启，在第二个时间关闭；跨过午夜的时段属于其开始的那一天。手动切换将保持到计划的下一次切换。</translation>
    </message>
    <message>
        <source>The default save path</source>
        <translation>默认保存路径</translation>
    </message>
    <message>
        <source>The proxy needs a host.</source>
        <translation>代理需要填写主机。</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>Trackers are always reached through the proxy, and host names are resolved by it.</source>
        <translation>始终通过代理连接 Tracker，主机名也由代理解析。</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>Use proxy for peer connections</source>
        <translation>使用代理进行用户连接</translation>
    </message>
    <message>
        <source>Use the alternative limits now</source>
        <translation>现在使用备用限制</translation>
    </message>
    <message>
        <source>Global limits</source>
        <translation>全局限制</translation>
    </message>
    <message>
        <source>Download:</source>
        <translation>下载：</translation>
    </message>
    <message>
        <source>Upload:</source>
        <translation>上传：</translation>
    </message>
    <message>
        <source>Alternative limits</source>
        <translation>备用限制</translation>
    </message>
    <message>
        <source>Queueing</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Maximum active downloads:</source>
        <translation>最大活动下载数：</translation>
    </message>
    <message>
        <source>Maximum active uploads:</source>
        <translation>最大活动上传数：</translation>
    </message>
    <message>
        <source>Maximum active torrents:</source>
        <translation>最大活动种子数：</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Stop seeding when</source>
        <translation>在以下情况停止做种</translation>
    </message>
    <message>
        <source>Ratio reaches:</source>
        <translation>分享率达到：</translation>
    </message>
    <message>
        <source>Seeding time reaches:</source>
        <translation>做种时间达到：</translation>
    </message>
    <message>
        <source>Closing the window keeps BTT Desktop in the tray</source>
        <translation>关闭窗口时将 BTT Desktop 保留在托盘中</translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation>此桌面没有系统托盘。</translation>
    </message>
    <message>
        <source>Notify when a download finishes</source>
        <translation>下载完成时通知</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>监视文件夹</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>POSIX (read/write, low memory)</source>
        <translation>POSIX（read/write，内存占用低）</translation>
    </message>
    <message>
        <source>pread/pwrite with worker threads</source>
        <translation>使用工作线程的 pread/pwrite</translation>
    </message>
    <message>
        <source>Memory-mapped files</source>
        <translation>内存映射文件</translation>
    </message>
    <message>
        <source>libtorrent default</source>
        <translation>libtorrent 默认</translation>
    </message>
    <message>
        <source>Takes effect the next time BTT Desktop starts.</source>
        <translation>下次启动 BTT Desktop 时生效。</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Disk I/O:</source>
        <translation>磁盘 I/O：</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Ask for the wallet password for every transfer</source>
        <translation>每次转账都询问钱包密码</translation>
    </message>
    <message>
        <source>Wallet security</source>
        <translation>钱包安全</translation>
    </message>
    <message>
        <source>Lock the wallet after no input for:</source>
        <translation>无操作多久后锁定钱包：</translation>
    </message>
    <message>
        <source>Without the password for every transfer, an unlocked wallet sends after the confirmation alone.</source>
        <translation>若不要求每次转账输入密码，已解锁的钱包只需确认即可发送。</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>BitTorrent</source>
        <translation>BitTorrent</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Default save path</source>
        <translation>默认保存路径</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <source>Cannot switch the speed limits</source>
        <translation>无法切换速度限制</translation>
    </message>
    <message>
        <source>Cannot save the settings</source>
        <translation>无法保存设置</translation>
    </message>
    <message>
        <source>Cannot apply the settings</source>
        <translation>无法应用设置</translation>
    </message>
    <message>
        <source>not remembered: no keyring</source>
        <translation>不会记住：没有密钥环</translation>
    </message>
    <message>
        <source>The proxy password is kept for this session only: {reason}</source>
        <translation>代理密码仅在本次会话中保留：{reason}</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation>做种中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>Errored</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>SpeedAmounts</name>
    <message>
        <source>{what}: BTT has at most {decimals} decimals</source>
        <translation>{what}：BTT 最多有 {decimals} 位小数</translation>
    </message>
    <message>
        <source>{what}: must be more than 0</source>
        <translation>{what}：必须大于 0</translation>
    </message>
    <message>
        <source>{what}: must not be negative</source>
        <translation>{what}：不能为负数</translation>
    </message>
    <message>
        <source>{what}: not an amount: {text}</source>
        <translation>{what}：不是有效的数额：{text}</translation>
    </message>
</context>
<context>
    <name>SpeedController</name>
    <message>
        <source>BTT Speed did not start: {reason}</source>
        <translation>BTT Speed 未能启动：{reason}</translation>
    </message>
    <message>
        <source>BTT Speed is on ({sides}) and signs with your wallet, which is locked. Enter the wallet password to start it now, or Cancel to leave it paused until you unlock the wallet.</source>
        <translation>BTT Speed 已开启（{sides}），需要用您的钱包签名，而钱包已锁定。输入钱包密码即可立即启动，或点“取消”让它暂停，直到您解锁钱包。</translation>
    </message>
    <message>
        <source>BTT Speed needs a wallet</source>
        <translation>BTT Speed 需要钱包</translation>
    </message>
    <message>
        <source>BTT Speed pays from your wallet; a watch-only wallet cannot sign cheques.</source>
        <translation>BTT Speed 从您的钱包付款；观察钱包无法签署支票。</translation>
    </message>
    <message>
        <source>BTT Speed pays seeders in BTT from your wallet, and there is no wallet yet. Create or restore one in the Wallet section.</source>
        <translation>BTT Speed 从您的钱包向做种者支付 BTT，但目前还没有钱包。请在“钱包”部分创建或恢复一个。</translation>
    </message>
    <message>
        <source>BTT Speed signs cheques with your wallet. Enter the wallet password to unlock it.</source>
        <translation>BTT Speed 用您的钱包签署支票。输入钱包密码以解锁。</translation>
    </message>
    <message>
        <source>Open Wallet</source>
        <translation>打开钱包</translation>
    </message>
    <message>
        <source>Start BTT Speed</source>
        <translation>启动 BTT Speed</translation>
    </message>
    <message>
        <source>buying</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>buying and selling</source>
        <translation>购买和出售</translation>
    </message>
    <message>
        <source>selling</source>
        <translation>出售</translation>
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
        <translation>&lt;p&gt;&lt;b&gt;BTT Speed&lt;/b&gt; 是一个可选的上传带宽市场，用您钱包中的 BTT 支付。在您于此处开启之前，它一直关闭。&lt;/p&gt;&lt;p&gt;&lt;b&gt;购买：&lt;/b&gt;下载时，您的客户端向做种者出价 BTT，让他们优先为您服务。它只为实际收到的数据付款，从您的 Speed 金库（您存入金库合约的 BTT）支付，绝不超过您的最高价格，每天也不超过您的每日上限。&lt;/p&gt;&lt;p&gt;&lt;b&gt;出售：&lt;/b&gt;做种时，其他人的出价购买您的上传，价格绝不低于您的最低价；您收到签名支票，当其价值远超兑现所需的 TRX 手续费时（可设置）会自动兑现到钱包，也可在钱包的 BTT Speed 标签页点“兑现”。不出价的人仍会得到服务。&lt;/p&gt;&lt;p&gt;开启后会打开一个 Speed 端口，供其他客户端连接您。&lt;a href=&quot;{url}&quot;&gt;BTT Speed 如何运作&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Buy faster downloads</source>
        <translation>购买更快的下载</translation>
    </message>
    <message>
        <source>Sell my upload for BTT when seeding</source>
        <translation>做种时出售我的上传换取 BTT</translation>
    </message>
    <message>
        <source>Pay at most, per GiB (BTT):</source>
        <translation>每 GiB 最多支付（BTT）：</translation>
    </message>
    <message>
        <source>Spend at most, per day (BTT):</source>
        <translation>每天最多花费（BTT）：</translation>
    </message>
    <message>
        <source>Sell for at least, per GiB (BTT):</source>
        <translation>每 GiB 最低售价（BTT）：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Pay at most</source>
        <translation>最多支付</translation>
    </message>
    <message>
        <source>Spend at most</source>
        <translation>最多花费</translation>
    </message>
    <message>
        <source>Sell for at least</source>
        <translation>最低售价</translation>
    </message>
</context>
<context>
    <name>SpeedMenu</name>
    <message>
        <source>What Is BTT Speed?…</source>
        <translation>什么是 BTT Speed？…</translation>
    </message>
    <message>
        <source>BTT Speed</source>
        <translation>BTT Speed</translation>
    </message>
    <message>
        <source>Unlock the Wallet to Start BTT Speed…</source>
        <translation>解锁钱包以启动 BTT Speed…</translation>
    </message>
    <message>
        <source>BTT Speed: pay BTT for faster downloads, earn BTT when seeding (optional)</source>
        <translation>BTT Speed：支付 BTT 获得更快下载，做种赚取 BTT（可选）</translation>
    </message>
</context>
<context>
    <name>SpeedReadout</name>
    <message>
        <source>BTT Speed: not on this network</source>
        <translation>BTT Speed：此网络不可用</translation>
    </message>
    <message>
        <source>BTT Speed: off</source>
        <translation>BTT Speed：已关闭</translation>
    </message>
    <message>
        <source>BTT Speed: not running</source>
        <translation>BTT Speed：未运行</translation>
    </message>
    <message>
        <source>BTT Speed: paused until the wallet is unlocked</source>
        <translation>BTT Speed：已暂停，等待钱包解锁</translation>
    </message>
    <message>
        <source>BTT Speed: spending {spent}/min · earning {earned}/min</source>
        <translation>BTT Speed：支出 {spent}/分钟 · 收入 {earned}/分钟</translation>
    </message>
    <message>
        <source>BTT Speed: buying, spending {spent}/min</source>
        <translation>BTT Speed：购买中，支出 {spent}/分钟</translation>
    </message>
    <message>
        <source>BTT Speed: selling, earning {earned}/min</source>
        <translation>BTT Speed：出售中，收入 {earned}/分钟</translation>
    </message>
    <message>
        <source>{readout} (wallet locked)</source>
        <translation>{readout}（钱包已锁定）</translation>
    </message>
    <message>
        <source>Spent in all {spent} BTT for {bought} bought; earned {earned} BTT ({pending} BTT to cash)</source>
        <translation>共支出 {spent} BTT，购买 {bought}；收入 {earned} BTT（{pending} BTT 待兑现）</translation>
    </message>
</context>
<context>
    <name>SpeedSettingsPage</name>
    <message>
        <source>How much of the spendable vault balance one download may bid</source>
        <translation>单个下载最多可用多少金库可用余额出价</translation>
    </message>
    <message>
        <source>Buying</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Maximum price per GiB (BTT):</source>
        <translation>每 GiB 最高价格（BTT）：</translation>
    </message>
    <message>
        <source>Maximum spend per day (BTT):</source>
        <translation>每日最高支出（BTT）：</translation>
    </message>
    <message>
        <source>Spending rate:</source>
        <translation>支出比例：</translation>
    </message>
    <message>
        <source>Buy faster downloads: bid BTT to seeders</source>
        <translation>购买更快的下载：向做种者出价 BTT</translation>
    </message>
    <message>
        <source>Sell my upload for BTT when seeding</source>
        <translation>做种时出售我的上传换取 BTT</translation>
    </message>
    <message>
        <source>Cheques are cashed automatically once this much is owed by one vault; 0: only by hand</source>
        <translation>某个金库欠款达到此数额时自动兑现支票；0：仅手动兑现</translation>
    </message>
    <message>
        <source>Cashing costs TRX: cash a vault&apos;s cheques only once they are worth this many times the fee</source>
        <translation>兑现需花费 TRX：仅当一个金库的支票价值达到手续费的这么多倍时才兑现</translation>
    </message>
    <message>
        <source>Your own rate, to compare a fee in TRX with BTT (the client has no price feed)</source>
        <translation>您自己设定的汇率，用于将 TRX 手续费与 BTT 比较（客户端不获取行情）</translation>
    </message>
    <message>
        <source>A finished torrent keeps seeding, queue or no queue, while Speed earns at least this much an hour on it; 0: no such rule</source>
        <translation>只要 Speed 每小时在已完成的种子上至少赚到这么多，该种子就会继续做种（不受队列限制）；0：不使用此规则</translation>
    </message>
    <message>
        <source>Selling</source>
        <translation>出售</translation>
    </message>
    <message>
        <source>Reserve price per GiB (BTT):</source>
        <translation>每 GiB 保留价（BTT）：</translation>
    </message>
    <message>
        <source>Speed slots per torrent:</source>
        <translation>每个种子的 Speed 槽位：</translation>
    </message>
    <message>
        <source>Keep seeding while it earns (BTT/h):</source>
        <translation>持续做种的收益下限（BTT/小时）：</translation>
    </message>
    <message>
        <source>Cash out at (BTT):</source>
        <translation>兑现阈值（BTT）：</translation>
    </message>
    <message>
        <source>Only when worth (× fee):</source>
        <translation>仅在值得时（× 手续费）：</translation>
    </message>
    <message>
        <source>BTT Speed is optional: buying pays seeders BTT from your vault for faster downloads, selling earns BTT from downloaders&apos; bids when you seed. Both are off until you turn them on, and pause while the wallet is locked unless you keep BTT Speed running (below).</source>
        <translation>BTT Speed 是可选的：购买会从您的金库向做种者支付 BTT 以加快下载，出售会在您做种时从下载者的出价中赚取 BTT。两者在您开启前都是关闭的，钱包锁定时会暂停，除非您选择保持 BTT Speed 运行（见下方）。</translation>
    </message>
    <message>
        <source>BTT per TRX:</source>
        <translation>每 TRX 的 BTT 数：</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>Keep BTT Speed running while the wallet is locked</source>
        <translation>钱包锁定时保持 BTT Speed 运行</translation>
    </message>
    <message>
        <source>BTT Speed then keeps your account&apos;s signing key in memory after the wallet locks, so a seeder goes on earning; otherwise a lock pauses BTT Speed until the wallet is unlocked again.</source>
        <translation>这样钱包锁定后 BTT Speed 仍会在内存中保留您账户的签名密钥，做种者可以继续赚取；否则锁定会让 BTT Speed 暂停，直到钱包再次解锁。</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Keeps your account&apos;s signing key in memory while the wallet is locked.</source>
        <translation>钱包锁定期间在内存中保留您账户的签名密钥。</translation>
    </message>
    <message>
        <source>Speed port:</source>
        <translation>Speed 端口：</translation>
    </message>
    <message>
        <source>BTT per TRX</source>
        <translation>每 TRX 的 BTT 数</translation>
    </message>
    <message>
        <source>Enter how many BTT one TRX is worth to you.</source>
        <translation>请输入在您看来 1 TRX 值多少 BTT。</translation>
    </message>
    <message>
        <source>A cash-out costs about {fee} TRX (≈ {fee_btt} BTT at your rate): cheques are cashed automatically from {threshold} BTT per vault.</source>
        <translation>每次兑现约花费 {fee} TRX（按您的汇率约合 {fee_btt} BTT）：每个金库的支票达到 {threshold} BTT 时自动兑现。</translation>
    </message>
    <message>
        <source>Maximum price per GiB</source>
        <translation>每 GiB 最高价格</translation>
    </message>
    <message>
        <source>Maximum spend per day</source>
        <translation>每日最高支出</translation>
    </message>
    <message>
        <source>Reserve price per GiB</source>
        <translation>每 GiB 保留价</translation>
    </message>
    <message>
        <source>Keep seeding while it earns</source>
        <translation>持续做种的收益下限</translation>
    </message>
    <message>
        <source>Cash out at</source>
        <translation>兑现阈值</translation>
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
        <translation>出售我的上传换取 BTT</translation>
    </message>
    <message>
        <source>Buy Faster Downloads</source>
        <translation>购买更快的下载</translation>
    </message>
    <message>
        <source>BTT Speed is on but not running: {reason}</source>
        <translation>BTT Speed 已开启但未运行：{reason}</translation>
    </message>
    <message>
        <source>BTT Speed is on, paused until the wallet is unlocked</source>
        <translation>BTT Speed 已开启，暂停中，等待钱包解锁</translation>
    </message>
    <message>
        <source>Selling: other people&apos;s BTT bids buy your upload when you seed (click to stop)</source>
        <translation>出售中：做种时其他人的 BTT 出价购买您的上传（点击停止）</translation>
    </message>
    <message>
        <source>Not selling: click to earn BTT from bids when you seed</source>
        <translation>未出售：点击后做种时可从出价中赚取 BTT</translation>
    </message>
    <message>
        <source>Buying: bidding BTT for faster downloads (click to stop)</source>
        <translation>购买中：出价 BTT 以获得更快下载（点击停止）</translation>
    </message>
    <message>
        <source>Not buying: click to bid BTT for faster downloads</source>
        <translation>未购买：点击出价 BTT 以获得更快下载</translation>
    </message>
</context>
<context>
    <name>SpeedTab</name>
    <message>
        <source>Use BTT Speed for this torrent (bid when downloading, sell slots when seeding)</source>
        <translation>此种子使用 BTT Speed（下载时出价，做种时出售名额）</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供者</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Price (BTT/GiB)</source>
        <translation>价格（BTT/GiB）</translation>
    </message>
    <message>
        <source>To beat (BTT/GiB)</source>
        <translation>需超过（BTT/GiB）</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>已购买</translation>
    </message>
    <message>
        <source>BTT spent</source>
        <translation>已支出 BTT</translation>
    </message>
    <message>
        <source>Bidder</source>
        <translation>出价者</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Bid (BTT/GiB)</source>
        <translation>出价（BTT/GiB）</translation>
    </message>
    <message>
        <source>Clearing price (BTT/GiB)</source>
        <translation>成交价（BTT/GiB）</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已出售</translation>
    </message>
    <message>
        <source>BTT earned</source>
        <translation>已赚取 BTT</translation>
    </message>
    <message>
        <source>Buying: providers we bid on</source>
        <translation>购买：我们出价的提供者</translation>
    </message>
    <message>
        <source>Selling: bidders for our upload slots</source>
        <translation>出售：争夺我们上传槽位的出价者</translation>
    </message>
    <message>
        <source>BTT Speed is not running. Turn it on in the BTT Speed menu; it needs an unlocked wallet.</source>
        <translation>BTT Speed 未运行。请在 BTT Speed 菜单中开启；它需要已解锁的钱包。</translation>
    </message>
    <message>
        <source>BTT Speed is not running: {reason}</source>
        <translation>BTT Speed 未运行：{reason}</translation>
    </message>
    <message>
        <source>Selling is off in the BTT Speed menu.</source>
        <translation>BTT Speed 菜单中已关闭出售。</translation>
    </message>
    <message>
        <source>No BTT Speed peers on this torrent yet.</source>
        <translation>此种子暂无 BTT Speed 用户。</translation>
    </message>
    <message>
        <source>BTT Speed is off for this torrent.</source>
        <translation>此种子已关闭 BTT Speed。</translation>
    </message>
    <message>
        <source>Not bidding: buying is off in the BTT Speed menu.</source>
        <translation>未出价：BTT Speed 菜单中已关闭购买。</translation>
    </message>
    <message>
        <source>Demoted ({reason})</source>
        <translation>已降级（{reason}）</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>已中标</translation>
    </message>
    <message>
        <source>Not bidding now</source>
        <translation>当前未出价</translation>
    </message>
    <message>
        <source>Outbid</source>
        <translation>被超过</translation>
    </message>
    <message>
        <source>Winner</source>
        <translation>中标者</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>未中标</translation>
    </message>
    <message>
        <source>No bids on this torrent yet.</source>
        <translation>此种子尚无出价。</translation>
    </message>
    <message>
        <source>Our bid: {price} BTT/GiB</source>
        <translation>我们的出价：{price} BTT/GiB</translation>
    </message>
    <message>
        <source>Bidders: {count} · winners: {winners}</source>
        <translation>出价者：{count} · 中标者：{winners}</translation>
    </message>
    <message>
        <source>Earned on this torrent: {amount} BTT</source>
        <translation>此种子已赚取：{amount} BTT</translation>
    </message>
    <message>
        <source>No bids right now.</source>
        <translation>当前没有出价。</translation>
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
        <translation>可用空间：{size}</translation>
    </message>
    <message>
        <source>DHT: {nodes} nodes</source>
        <translation>DHT：{nodes} 个节点</translation>
    </message>
    <message>
        <source>DHT: off</source>
        <translation>DHT：关</translation>
    </message>
    <message>
        <source>Port {port}</source>
        <translation>端口 {port}</translation>
    </message>
    <message>
        <source>Port {wanted} is in use by another program, so peers reach BTT Desktop on port {port} for now. Choose a free port in Settings → Connection to keep one.</source>
        <translation>端口 {wanted} 被其他程序占用，因此用户暂时通过端口 {port} 连接 BTT Desktop。请在“设置 → 连接”中选择一个空闲端口以固定使用。</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Add Tags</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>tag, another tag</source>
        <translation>标签, 另一个标签</translation>
    </message>
    <message>
        <source>Tags, separated by commas:</source>
        <translation>标签，以逗号分隔：</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>TorrentPanel</name>
    <message>
        <source>Filter torrent names…</source>
        <translation>按名称筛选种子…</translation>
    </message>
    <message>
        <source>Cannot resume the torrents</source>
        <translation>无法继续种子</translation>
    </message>
    <message>
        <source>Cannot pause the torrents</source>
        <translation>无法暂停种子</translation>
    </message>
    <message>
        <source>Cannot recheck the torrents</source>
        <translation>无法重新校验种子</translation>
    </message>
    <message>
        <source>Cannot move the torrents up in the queue</source>
        <translation>无法在队列中上移种子</translation>
    </message>
    <message>
        <source>Cannot move the torrents down in the queue</source>
        <translation>无法在队列中下移种子</translation>
    </message>
    <message>
        <source>Cannot reannounce the torrents</source>
        <translation>无法重新汇报种子</translation>
    </message>
    <message>
        <source>Cannot remove the torrents</source>
        <translation>无法移除种子</translation>
    </message>
    <message>
        <source>Move Storage To</source>
        <translation>将存储移动到</translation>
    </message>
    <message>
        <source>Moved to {path}</source>
        <translation>已移动到 {path}</translation>
    </message>
    <message>
        <source>Cannot move the files</source>
        <translation>无法移动文件</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>文件夹 {path} 不存在。</translation>
    </message>
    <message>
        <source>No application here opens folders, so {path} cannot be shown.</source>
        <translation>此处没有可打开文件夹的应用程序，因此无法显示 {path}。</translation>
    </message>
    <message>
        <source>Cannot copy the magnet link of {name}: {reason}</source>
        <translation>无法复制 {name} 的磁力链接：{reason}</translation>
    </message>
    <message>
        <source>Magnet link copied</source>
        <translation>磁力链接已复制</translation>
    </message>
    <message>
        <source>Cannot set the speed limits</source>
        <translation>无法设置速度限制</translation>
    </message>
    <message>
        <source>Cannot change the download order</source>
        <translation>无法更改下载顺序</translation>
    </message>
    <message>
        <source>Cannot add the peers</source>
        <translation>无法添加用户</translation>
    </message>
</context>
<context>
    <name>TorrentTableModel</name>
    <message>
        <source>Added On</source>
        <translation>添加于</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Down Speed</source>
        <translation>下载速度</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>Downloading metadata</source>
        <translation>正在下载元数据</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Earned (BTT)</source>
        <translation>已赚取 (BTT)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Moving</source>
        <translation>正在移动</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>分享率</translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation>做种中</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>做种数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Up Speed</source>
        <translation>上传速度</translation>
    </message>
</context>
<context>
    <name>TrackerMenu</name>
    <message>
        <source>Add Trackers…</source>
        <translation>添加 Tracker…</translation>
    </message>
    <message>
        <source>Copy Tracker URL</source>
        <translation>复制 Tracker URL</translation>
    </message>
    <message>
        <source>Edit Tracker URL…</source>
        <translation>编辑 Tracker URL…</translation>
    </message>
    <message>
        <source>Force Reannounce</source>
        <translation>强制重新汇报</translation>
    </message>
    <message>
        <source>Remove Tracker</source>
        <translation>移除 Tracker</translation>
    </message>
    <message>
        <source>To the selected trackers, or to all of them and the DHT</source>
        <translation>向所选 Tracker，或向所有 Tracker 和 DHT</translation>
    </message>
</context>
<context>
    <name>TrackersDialog</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add Trackers</source>
        <translation>添加 Tracker</translation>
    </message>
    <message>
        <source>Edit Tracker URL</source>
        <translation>编辑 Tracker URL</translation>
    </message>
    <message>
        <source>Not a tracker URL (http, https, udp, ws or wss).</source>
        <translation>不是 Tracker URL（http、https、udp、ws 或 wss）。</translation>
    </message>
    <message>
        <source>Not tracker URLs: {lines}.</source>
        <translation>不是 Tracker URL：{lines}。</translation>
    </message>
    <message>
        <source>Tracker URL:</source>
        <translation>Tracker URL：</translation>
    </message>
    <message>
        <source>Trackers for {name}, one URL per line (http, https, udp, ws, wss). A blank line starts the next tier.</source>
        <translation>{name} 的 Tracker，每行一个 URL（http、https、udp、ws、wss）。空行表示开始下一层级。</translation>
    </message>
</context>
<context>
    <name>TrackersTab</name>
    <message>
        <source>Disabled</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Not contacted yet</source>
        <translation>尚未联系</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>不工作</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>做种数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>This torrent is private</source>
        <translation>这是私有种子</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>工作正常</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show / Hide Window</source>
        <translation>显示 / 隐藏窗口</translation>
    </message>
    <message>
        <source>{app}
Down: {down}
Up: {up}</source>
        <translation>{app}
下载：{down}
上传：{up}</translation>
    </message>
</context>
<context>
    <name>VaultPanel</name>
    <message>
        <source>Deposit…</source>
        <translation>存入…</translation>
    </message>
    <message>
        <source>Announce Withdrawal…</source>
        <translation>预告提取…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>提取</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>余额：</translation>
    </message>
    <message>
        <source>Cheques not cashed yet:</source>
        <translation>尚未兑现的支票：</translation>
    </message>
    <message>
        <source>Withdrawal:</source>
        <translation>提取：</translation>
    </message>
    <message>
        <source>Cash Out</source>
        <translation>兑现</translation>
    </message>
    <message>
        <source>Downloader (vault)</source>
        <translation>下载者（金库）</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已出售</translation>
    </message>
    <message>
        <source>Cheques received</source>
        <translation>收到的支票</translation>
    </message>
    <message>
        <source>Cashed</source>
        <translation>已兑现</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待兑现</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>被拒付</translation>
    </message>
    <message>
        <source>Not covered</source>
        <translation>未覆盖</translation>
    </message>
    <message>
        <source>Earnings by peer</source>
        <translation>按用户统计的收入</translation>
    </message>
    <message>
        <source>Seeder</source>
        <translation>做种者</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>已购买</translation>
    </message>
    <message>
        <source>Cheques signed</source>
        <translation>已签发的支票</translation>
    </message>
    <message>
        <source>Cashed by seeder</source>
        <translation>做种者已兑现</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠款</translation>
    </message>
    <message>
        <source>Spending by peer</source>
        <translation>按用户统计的支出</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Unlock Wallet…</source>
        <translation>解锁钱包…</translation>
    </message>
    <message>
        <source>The vault cannot be read: {reason}</source>
        <translation>无法读取金库：{reason}</translation>
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
        <translation>未预告</translation>
    </message>
    <message>
        <source>{amount} BTT, ready to withdraw</source>
        <translation>{amount} BTT，可以提取</translation>
    </message>
    <message>
        <source>{amount} BTT, ready in {time}</source>
        <translation>{amount} BTT，{time} 后可提取</translation>
    </message>
    <message>
        <source>Earned {earned} BTT for {sold} sold · cashed {cashed} BTT · pending {pending} BTT</source>
        <translation>出售 {sold} 赚取 {earned} BTT · 已兑现 {cashed} BTT · 待兑现 {pending} BTT</translation>
    </message>
    <message>
        <source>Spent {spent} BTT for {bought} bought · today {today} BTT · owed {owed} BTT</source>
        <translation>购买 {bought} 支出 {spent} BTT · 今日 {today} BTT · 欠款 {owed} BTT</translation>
    </message>
    <message>
        <source>Estimating the fee…</source>
        <translation>正在估算手续费…</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>存入</translation>
    </message>
    <message>
        <source>Move {amount} BTT from your wallet into your BTT Speed vault. Taking it back out needs a withdrawal notice; downloads you buy are paid from it.</source>
        <translation>将 {amount} BTT 从钱包转入您的 BTT Speed 金库。取回需要提前预告提取；您购买的下载从金库支付。</translation>
    </message>
    <message>
        <source>An approval lets the vault take exactly this amount; fees are not refunded.</source>
        <translation>授权让金库恰好取走这笔金额；手续费不予退还。</translation>
    </message>
    <message>
        <source>Deposited {amount} BTT.</source>
        <translation>已存入 {amount} BTT。</translation>
    </message>
    <message>
        <source>Depositing {amount} BTT…</source>
        <translation>正在存入 {amount} BTT…</translation>
    </message>
    <message>
        <source>Deposit into the Vault</source>
        <translation>存入金库</translation>
    </message>
    <message>
        <source>Withdrawal cancelled.</source>
        <translation>提取已取消。</translation>
    </message>
    <message>
        <source>Withdrawal of {amount} BTT announced.</source>
        <translation>已预告提取 {amount} BTT。</translation>
    </message>
    <message>
        <source>Announcing…</source>
        <translation>正在预告…</translation>
    </message>
    <message>
        <source>Announce a Withdrawal</source>
        <translation>预告提取</translation>
    </message>
    <message>
        <source>Turn On BTT Speed…</source>
        <translation>开启 BTT Speed…</translation>
    </message>
    <message>
        <source>Vault (pays for BTT Speed)</source>
        <translation>金库（为 BTT Speed 付款）</translation>
    </message>
    <message>
        <source>BTT Speed is running on port {port}, paying from {address}.</source>
        <translation>BTT Speed 正在端口 {port} 上运行，从 {address} 付款。</translation>
    </message>
    <message>
        <source>Networks with a BTT Speed vault: {networks}.</source>
        <translation>有 BTT Speed 金库的网络：{networks}。</translation>
    </message>
    <message>
        <source>BTT Speed is not running: {reason}</source>
        <translation>BTT Speed 未运行：{reason}</translation>
    </message>
    <message>
        <source>BTT Speed is on, paused until the wallet is unlocked.</source>
        <translation>BTT Speed 已开启，暂停中，等待钱包解锁。</translation>
    </message>
    <message>
        <source>BTT Speed is off. Buying and selling need an unlocked wallet and BTT Speed turned on.</source>
        <translation>BTT Speed 已关闭。购买和出售需要已解锁的钱包并开启 BTT Speed。</translation>
    </message>
    <message>
        <source>Exactly {amount} BTT</source>
        <translation>精确为 {amount} BTT</translation>
    </message>
    <message>
        <source>Move BTT from your wallet into the vault that pays for BTT Speed.</source>
        <translation>将 BTT 从钱包转入为 BTT Speed 付款的金库。</translation>
    </message>
    <message>
        <source>Cancel the announced withdrawal.</source>
        <translation>取消已预告的提取。</translation>
    </message>
    <message>
        <source>Announce a withdrawal of {amount} BTT. It becomes possible {notice} after this is confirmed; seeders may cash your cheques until then.</source>
        <translation>预告提取 {amount} BTT。确认后 {notice} 才能提取；在此之前做种者仍可兑现您的支票。</translation>
    </message>
    <message>
        <source>Announce</source>
        <translation>预告</translation>
    </message>
    <message>
        <source>Seeders get a notice period to cash your cheques before BTT can leave the vault. Enter the amount to withdraw (0 cancels an announced withdrawal).</source>
        <translation>在 BTT 离开金库之前，做种者有一段通知期来兑现你的支票。请输入要提取的数额（0 表示取消已预告的提取）。</translation>
    </message>
    <message>
        <source>Withdraw up to {amount} BTT from the vault into your wallet.</source>
        <translation>从金库提取最多 {amount} BTT 到您的钱包。</translation>
    </message>
    <message>
        <source>Withdrew {amount} BTT to your wallet.</source>
        <translation>已将 {amount} BTT 提取到你的钱包。</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>正在提取…</translation>
    </message>
    <message>
        <source>The fee (about {fee} BTT at your rate) is more than what this cashes.</source>
        <translation>手续费（按您的汇率约 {fee} BTT）高于此次兑现的金额。</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>兑现</translation>
    </message>
    <message>
        <source>Cash {amount} BTT of cheques into your wallet.</source>
        <translation>将价值 {amount} BTT 的支票兑现到您的钱包。</translation>
    </message>
    <message>
        <source>Cashing cheques…</source>
        <translation>正在兑现支票…</translation>
    </message>
    <message>
        <source>Cash out failed: {reason}</source>
        <translation>兑现失败：{reason}</translation>
    </message>
    <message>
        <source>Cashed {amount} BTT into your wallet.</source>
        <translation>已将 {amount} BTT 兑现到你的钱包。</translation>
    </message>
    <message>
        <source>Nothing to cash: no cheque holds more than was cashed.</source>
        <translation>没有可兑现的：没有支票的金额超过已兑现部分。</translation>
    </message>
    <message>
        <source>{amount} BTT bounced: the downloader&apos;s vault does not hold it.</source>
        <translation>{amount} BTT 被拒付：下载者的金库中没有这笔钱。</translation>
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
        <translation>钱包</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Add the next account of this recovery phrase</source>
        <translation>添加此助记词的下一个账户</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>Network settings: node URL, API key</source>
        <translation>网络设置：节点 URL、API 密钥</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>更改密码…</translation>
    </message>
    <message>
        <source>Export recovery phrase or key…</source>
        <translation>导出助记词或私钥…</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>在这台电脑上记住密码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>发送…</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Recent transactions</source>
        <translation>最近的交易</translation>
    </message>
    <message>
        <source>Still locked: {reason}</source>
        <translation>仍处于锁定状态：{reason}</translation>
    </message>
    <message>
        <source>The wallet is ready.</source>
        <translation>钱包已就绪。</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>Watch-only</source>
        <translation>仅观察</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>解锁…</translation>
    </message>
    <message>
        <source>A watch-only wallet holds no key and cannot send</source>
        <translation>观察钱包不持有私钥，无法发送</translation>
    </message>
    <message>
        <source>Remember the password (not available here)</source>
        <translation>记住密码（此处不可用）</translation>
    </message>
    <message>
        <source>Checking balances…</source>
        <translation>正在查询余额…</translation>
    </message>
    <message>
        <source>Exactly {amount} {token}</source>
        <translation>精确为 {amount} {token}</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <source>Never updated</source>
        <translation>从未更新</translation>
    </message>
    <message>
        <source>Not up to date: {reason}</source>
        <translation>不是最新：{reason}</translation>
    </message>
    <message>
        <source>(showing the amounts of {time})</source>
        <translation>（显示的是 {time} 的数额）</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>正在刷新…</translation>
    </message>
    <message>
        <source>Added {label}.</source>
        <translation>已添加 {label}。</translation>
    </message>
    <message>
        <source>Rename account</source>
        <translation>重命名账户</translation>
    </message>
    <message>
        <source>Name of {address}:</source>
        <translation>{address} 的名称：</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>已锁定。</translation>
    </message>
    <message>
        <source>Unlock the wallet</source>
        <translation>解锁钱包</translation>
    </message>
    <message>
        <source>Enter the wallet password.</source>
        <translation>请输入钱包密码。</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>已解锁。</translation>
    </message>
    <message>
        <source>Change the wallet password</source>
        <translation>更改钱包密码</translation>
    </message>
    <message>
        <source>Enter the current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The password was changed.</source>
        <translation>密码已更改。</translation>
    </message>
    <message>
        <source>The password is no longer kept on this computer.</source>
        <translation>这台电脑上不再保存该密码。</translation>
    </message>
    <message>
        <source>Remember the password</source>
        <translation>记住密码</translation>
    </message>
    <message>
        <source>Enter the wallet password to keep it in the system keyring.</source>
        <translation>请输入钱包密码，以将其保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring.</source>
        <translation>密码已保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>Address copied.</source>
        <translation>地址已复制。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>About BTT Desktop</source>
        <translation>关于 BTT Desktop</translation>
    </message>
    <message>
        <source>Add Magnet Link or URL…</source>
        <translation>添加磁力链接或 URL…</translation>
    </message>
    <message>
        <source>Add Peers…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Add Torrent File…</source>
        <translation>添加种子文件…</translation>
    </message>
    <message>
        <source>Add a .torrent file</source>
        <translation>添加 .torrent 文件</translation>
    </message>
    <message>
        <source>Add magnet links or .torrent URLs</source>
        <translation>添加磁力链接或 .torrent 的 URL</translation>
    </message>
    <message>
        <source>Alternative Speed Limits</source>
        <translation>备用速度限制</translation>
    </message>
    <message>
        <source>Ask the trackers and the DHT for peers now</source>
        <translation>立即向 Tracker 和 DHT 请求用户</translation>
    </message>
    <message>
        <source>Banned Peers…</source>
        <translation>已禁止的用户…</translation>
    </message>
    <message>
        <source>Check the downloaded data again</source>
        <translation>重新校验已下载的数据</translation>
    </message>
    <message>
        <source>Connect to peers you name by IP:port</source>
        <translation>连接到您按 IP:端口 指定的用户</translation>
    </message>
    <message>
        <source>Copy Magnet Link</source>
        <translation>复制磁力链接</translation>
    </message>
    <message>
        <source>Create Torrent…</source>
        <translation>制作种子…</translation>
    </message>
    <message>
        <source>Details Pane</source>
        <translation>详情面板</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Download in Sequential Order</source>
        <translation>按顺序下载</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Force Reannounce</source>
        <translation>强制重新汇报</translation>
    </message>
    <message>
        <source>Force Recheck</source>
        <translation>强制重新校验</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Limit the speed of the selected torrents</source>
        <translation>限制所选种子的速度</translation>
    </message>
    <message>
        <source>Make a .torrent from a file or folder</source>
        <translation>从文件或文件夹制作 .torrent</translation>
    </message>
    <message>
        <source>Move Down in Queue</source>
        <translation>在队列中下移</translation>
    </message>
    <message>
        <source>Move Storage…</source>
        <translation>移动存储位置…</translation>
    </message>
    <message>
        <source>Move Up in Queue</source>
        <translation>在队列中上移</translation>
    </message>
    <message>
        <source>Move down in the download queue</source>
        <translation>在下载队列中下移</translation>
    </message>
    <message>
        <source>Move the downloaded files to another folder</source>
        <translation>将已下载的文件移到其他文件夹</translation>
    </message>
    <message>
        <source>Move up in the download queue</source>
        <translation>在下载队列中上移</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open the BTT Desktop documentation</source>
        <translation>打开 BTT Desktop 文档</translation>
    </message>
    <message>
        <source>Open the folder that holds the files</source>
        <translation>打开存放这些文件的文件夹</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause All</source>
        <translation>全部暂停</translation>
    </message>
    <message>
        <source>Pause the selected torrents</source>
        <translation>暂停所选种子</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Remove With Files…</source>
        <translation>连同文件一起删除…</translation>
    </message>
    <message>
        <source>Remove the selected torrents</source>
        <translation>移除所选种子</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Resume All</source>
        <translation>全部继续</translation>
    </message>
    <message>
        <source>Resume the selected torrents</source>
        <translation>继续所选种子</translation>
    </message>
    <message>
        <source>See and unban the peers you banned</source>
        <translation>查看并解除您禁止的用户</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Speed Limits…</source>
        <translation>速度限制…</translation>
    </message>
    <message>
        <source>Switch to the alternative speed limits</source>
        <translation>切换到备用速度限制</translation>
    </message>
    <message>
        <source>The terms under which you may use and share BTT Desktop</source>
        <translation>您使用和分享 BTT Desktop 所依据的条款</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
</context>
<context>
    <name>WindowApp</name>
    <message>
        <source>BTT Speed runs on the daemon; this window drives only its torrents</source>
        <translation>BTT Speed 在守护进程上运行；此窗口只管理它的种子</translation>
    </message>
    <message>
        <source>Cannot watch the folder</source>
        <translation>无法监视文件夹</translation>
    </message>
    <message>
        <source>Speed could not start: {reason}</source>
        <translation>Speed 无法启动：{reason}</translation>
    </message>
    <message>
        <source>The alternative speed limits apply to this computer; set the daemon&apos;s on the daemon</source>
        <translation>备用速度限制作用于这台电脑；守护进程的限制请在守护进程上设置</translation>
    </message>
    <message>
        <source>The proxy password could not be read from the OS keyring: {reason}</source>
        <translation>无法从操作系统密钥环读取代理密码：{reason}</translation>
    </message>
    <message>
        <source>The wallet could not start: {reason}</source>
        <translation>钱包无法启动：{reason}</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{count}×</source>
        <translation>{count}×</translation>
    </message>
</context>
</TS>
