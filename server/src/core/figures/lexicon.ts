/**
 * The small closed word lists that introduction recognition leans on: Chinese surnames, the
 * characters of transliterated foreign names, role words, speech verbs and the words that
 * can follow a name. All in simplified script, since recognition reads normalised text.
 */

// The word tables kept as data (server/data/figure-words.yaml), parsed at build time.
import figureWords from '../../../data/figure-words.yaml';

/** A table of server/data/figure-words.yaml, empty when the file lacks it. */
export function wordTable(name: string): readonly string[] {
  const table = (figureWords as Record<string, unknown>)[name];
  return Array.isArray(table) ? table.map(String) : [];
}

/** Common single-character surnames (simplified). A 2–3 character Han name must start with one. */
export const SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于於蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封' +
    '蓬占晋揭谈鞠花满巴郁沃洪'
  )
    .split('')
    // Less common surnames kept as data (赖, 区, 冼 …), common in Taiwan's and Hong Kong's news.
    .concat(wordTable('surnames')),
);

// Two-character surnames: Chinese compound ones, and Japanese ones kept as data (渡边哲也).
export const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '司徒', '东方', '皇甫', '令狐', '慕容', '长孙', '宇文', '尉迟', '夏侯', '公孙', '轩辕', '端木', '叶刘', '范徐'].concat(wordTable('compoundSurnames'));

/**
 * Characters of the standard transliteration tables (Xinhua) for foreign names. A run of these
 * right after a role word (`总统萨勒、`) reads as a foreign name.
 */
export const TRANSLITERATION = new Set(
  (
    '阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查察柴达戴丹道德登邓迪蒂丁东杜顿多厄恩尔法凡范菲费芬丰佛弗福富盖甘冈戈格贡古瓜圭哈海汉豪赫亨胡华霍' +
    '基吉加贾杰金久卡凯坎康考柯科可克肯库夸拉莱赖兰朗劳勒雷蕾里理利莉丽连列林琳龙卢鲁伦罗洛马玛迈麦曼梅门蒙米密莫默姆穆纳娜乃奈南内尼妮宁纽努诺欧帕潘庞佩彭皮普' +
    '奇齐恰乔切钦琼丘萨塞赛桑瑟森沙莎尚舍圣施什史舒斯松苏索塔泰坦汤唐特滕提图托瓦万旺威韦维温文沃乌武西希锡席夏辛休修雅亚扬耶伊因尤约泽扎詹芝兹佐育琪蒂娅' +
    '黛薇茨珀勃澳科蕾昆奎廷汀瑞普珍各得陶丝斐茨墨逊夫廉雪'
  ).split(''),
);

/**
 * Words that end a descriptor right before a name (`发言人华春莹`, `总统萨勒`). Longest first
 * matters only for the descriptor's reported end, which the regex handles by alternation order.
 */
export const ROLE_WORDS = [
  '发言人', '研究员', '副研究员', '教授', '副教授', '讲师', '主任', '副主任', '部长', '副部长', '大使', '公使', '总统', '副总统', '主席', '副主席',
  '议员', '参议员', '众议员', '学者', '专家', '官员', '记者', '编辑', '责任编辑', '责编', '网编', '主编', '分析师', '顾问', '总裁', '副总裁',
  '所长', '院长', '秘书', '秘书长', '总理', '副总理', '首相', '国务卿', '副国务卿', '外长', '财长', '防长', '总书记', '书记', '主委', '理事长',
  '董事长', '会长', '社长', '司令', '司令员', '上将', '少将', '中将', '经济学家', '律师', '作者', '主持人', '嘉宾', '特使', '协调员', '协调官',
  '外交官', '执行长', '行长', '省长', '市长', '州长', '议长', '领袖', '创办人', '创始人', '首席执行官', '首席经济学家', '大师', '主管', '总干事',
  '评论员', '专栏作家', '作家', '历史学家', '政治学家', '中国通', '苏丹', '国王', '女王', '王储', '总长', '总监', '局长', '厅长', '署长', '处长',
  '总督', '特首', '行政长官', '代表', '总代表', '校长', '系主任', '撰稿人', '撰稿', '编译', '主笔', '总编辑', '总经理', '经理', '合伙人', '法官',
  '检察官', '参谋长', '大臣', '理事', '夫人', '外相', '教练', '部长助理', '助理', '幕僚长', '新闻秘书', '副新闻秘书', '高级研究员', '资深研究员', '访问学者', '博士', '主播',
  ...wordTable('roles'),
];

/** Verbs of saying that often follow a newly introduced name. */
export const SPEECH_VERBS = [
  '说', '表示', '指出', '认为', '称', '强调', '透露', '告诉', '介绍', '解释', '补充', '坦言', '直言', '承认', '警告', '呼吁', '预计', '预测',
  '相信', '提到', '谈到', '回应', '回答', '对记者', '在接受', '接受', '撰文', '写道', '发文', '评论', '分析', '主张', '建议', '宣布', '声称', '发表',
];

/**
 * What may follow a name after a role word, besides punctuation and the speech verbs: a place
 * in the sentence where a name plausibly ends (`大使谢锋也到`, `总理巴育邀请`).
 */
export const NAME_FOLLOWERS = [
  ...SPEECH_VERBS,
  '在', '也', '则', '等', '和', '与', '及', '同', '对', '向', '就', '将', '曾', '已', '还', '于', '率', '的', '为', '以', '被', '从', '都', '又',
  '邀请', '会见', '会晤', '出席', '参加', '陪同', '主持', '举行', '访问', '抵达', '致辞', '致电', '通电话', '报道', '报导', '同志', '先生', '女士',
  '博士', '教授', '日前', '近日', '今天', '今日', '昨天', '当天', '本周', '上周', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '星期',
  '廿', '即将', '随后', '此前', '去年', '今年', '一行', '夫妇', '本人', '周末', '会谈', '进行', '可能', '因', '时', '获', '组织', '接见', '通话', '认识', '看来', '执导', '主演', '编剧',
  ...wordTable('followers'),
];

/** Honorifics written after a name: `史迪威将军`, `郭文贵先生`. */
export const HONORIFICS = ['先生', '女士', '将军', '博士', '教授', '同志', '上将', '大使'];

/** Characters that (almost) never occur inside a Chinese personal name: function words and the like. */
export const NOT_IN_NAMES = new Set('的了是在和与及也都将对向于等称表指认则就曾已还又被把从到这那其之为所而并但却即且以或不没很最更会要能可应该均各每们个着过说讲谈人日月年次'.split('').concat(wordTable('notInNames')));

/** Last characters that make a word a place or an organisation rather than a person. */
export const PLACE_ENDINGS = new Set('手者员师官央国省市县州岛湾港洲区部院府会局署厅委处党军方宫界们所校社团组队馆司网报刊站厂店堂城镇村街路'.split(''));

/** Latin words that make a capitalised run an organisation, a place or a title, not a person. */
export const LATIN_NON_PERSON = new Set(
  (
    'university college center centre institute institution foundation fund council committee association society group company corporation corp inc ltd llc ' +
    'bank times post journal news press review daily weekly magazine agency department ministry office house party republic kingdom states union nations forum ' +
    'summit program programme project initiative school academy network media images service services studies affairs policy security international global ' +
    'national federal capital partners research strategic board court congress senate assembly administration commission command force forces army navy ' +
    'street road avenue city county state island islands sea ocean bay strait china chinese america american united taiwan hong kong asia asian pacific europe ' +
    'european worldwide holdings technologies technology the of and for in on at to by with from a an is are was were this that new north south east west ' +
    'white prime president secretary general minister chairman chair director professor senator representative governor ambassador spokesperson spokesman ' +
    'mr mrs ms dr sir lord apec g20 nato ai covid world war trade economic economy market markets global reuters bloomberg xinhua getty afp ap via photo ' +
    'image source credit cctv bbc cnn nbc abc cbs voa rfa rfi dw wsj nyt ft usa uk eu un who imf wto cptpp rcep tiktok twitter facebook youtube google apple ' +
    'microsoft amazon meta tesla huawei iphone android windows live show podcast video channel daily update breaking exclusive opinion analysis editorial ' +
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'wilson heritage brookings stimson carnegie hoover rand marshall hudson atlantic peterson georgetown harvard yale stanford columbia princeton oxford ' +
    'cambridge beijing washington taipei tokyo moscow london paris berlin bali lima san francisco woodside alaska anchorage zurich rome geneva sunnylands ' +
    'action oriented agence presse france team elite news mw pm am gmt cst est utc bc ad ' +
    'knowledge node data information story stories guide report reports notes note page home menu search login share comments reply read more'
  ).split(/\s+/),
);

/** Words made of name-like characters that are not names. */
export const NOT_NAMES = new Set([
  '候选人', '白宫', '方面', '外界', '各方', '双方', '美方', '中方', '我们', '他们', '她们', '大家', '自己', '本人', '有关', '相关', '官方', '全国',
  '高层', '公开', '记者会', '记者问', '夏季', '秋季', '春季', '冬季', '金融', '安全', '经济', '政治', '外交', '国防', '贸易', '军事', '科技', '文化',
  '华盛顿', '华尔街', '伦敦', '巴黎', '柏林', '东京', '莫斯科', '北京', '上海', '香港', '台湾', '台北', '旧金山', '纽约', '加州', '伊朗', '巴西',
  '乌克兰', '俄罗斯', '叙利亚', '以色列', '巴勒斯坦', '印尼', '印度', '日本', '韩国', '朝鲜', '越南', '泰国', '菲律宾', '新加坡', '马来西亚', '澳洲',
  '加拿大', '墨西哥', '秘鲁', '古巴', '欧盟', '亚太', '亚洲', '欧洲', '非洲', '美洲', '中东', '南海', '东海', '台海', '夏威夷', '阿拉斯加', '巴厘岛',
  '利马', '马尼拉', '首尔', '安克雷奇', '维尔纽斯', '德国', '法国', '英国', '意大利', '西班牙', '荷兰', '澳大利亚', '新西兰', '阿根廷', '南非',
  '马克思', '列宁', '斯大林', '毛泽东', '特朗普', '拜登', '普京', '基辛格', '共和党', '民主党', '国民党', '民进党', '共产党', '国会', '政府',
  '总统', '主席', '总理', '部长', '大使', '发言人', '官员', '专家', '学者', '记者', '编辑', '顾问', '代表', '委员', '议员', '教授', '研究员',
  '史上', '历史', '文章', '文明', '华人', '华裔', '华府', '华侨', '万亿', '亚裔', '欧元', '美元', '人民币', '亿美元', '吉普', '特别', '特此',
  '马上', '司法', '常务', '常委', '明年', '明天', '明确', '高级', '资深', '首席', '前任', '现任', '新任', '候任', '时任', '下任', '上任', '继任',
  '甘肃', '江苏', '江西', '广东', '广西', '福建', '浙江', '云南', '贵州', '四川', '湖南', '湖北', '河南', '河北', '山东', '山西', '陕西', '辽宁',
  '时间', '时隔', '时候', '时期', '明白', '应邀', '应该', '解读', '解决', '解释', '高度', '全面', '关于', '关系', '向来', '于是', '和平', '强调',
  '高兴', '高调', '高官', '游戏', '方向', '黄金', '江湖', '谈判', '谈话', '花费', '满意', '成功', '成为', '成果', '程度', '常态', '安排', '严重',
  '任何', '简单', '简直', '包括', '包含', '于是', '于今', '白宫', '白天', '高峰', '高峰会', '金额', '金钱', '林立', '江山', '宋体', '武器', '武力', '钱财',
  '文件', '文字', '文学', '文献', '田总', '谈启蒙',
  '吉林', '黑龙江', '海南', '宁夏', '新疆', '西藏', '青海', '内蒙古', '天津', '重庆', '苏联', '苏州', '杭州', '广州', '深圳', '武汉', '南京',
]);
