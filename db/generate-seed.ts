/**
 * Deterministic demo data for Huiwu (会务): writes db/seed.json, a json-server database.
 *
 *   npx tsx db/generate-seed.ts
 *
 * Everything is fictional but modelled on what county science associations and technology
 * bureaus really run (see /work/shared/DESIGN.md, "What real events look like"). The output
 * depends on nothing but this file and the schema: a seeded PRNG per section (so editing one
 * section does not reshuffle the others) and a fixed "today".
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resourceByName, systemFields } from '../src/schema/index';
import { checkWrite } from '../src/schema/validate';

// ---------------------------------------------------------------------------------------------
// The fixed clock and the place
// ---------------------------------------------------------------------------------------------

const TODAY = '2026-11-21';
const NOW = new Date('2026-11-21T10:00:00+08:00').toISOString();
/** The county-level city hosting most events, and its prefecture (one hour away). */
const LOCAL_CITIES = ['青岚市', '东临市'];

// ---------------------------------------------------------------------------------------------
// Data lists: people's names
// ---------------------------------------------------------------------------------------------

/** Surnames and given-name characters, each written as hanzi followed by its pinyin. */
const SURNAMES = (
  '王wang 李li 张zhang 刘liu 陈chen 杨yang 赵zhao 黄huang 周zhou 吴wu 徐xu 孙sun 胡hu 朱zhu 高gao ' +
  '林lin 何he 郭guo 马ma 罗luo 梁liang 宋song 郑zheng 谢xie 韩han 唐tang 冯feng 于yu 董dong 程cheng ' +
  '曹cao 袁yuan 邓deng 许xu 傅fu 沈shen 曾zeng 彭peng 吕lv 苏su 卢lu 蒋jiang 蔡cai 贾jia 丁ding 魏wei ' +
  '薛xue 叶ye 阎yan 余yu 潘pan 杜du 戴dai 夏xia 钟zhong 汪wang 田tian 任ren 姜jiang 范fan 方fang ' +
  '石shi 姚yao 谭tan 廖liao 邹zou 熊xiong 金jin 陆lu 郝hao 孔kong 白bai 崔cui 康kang 毛mao 邱qiu 秦qin ' +
  '江jiang 史shi 顾gu 侯hou 邵shao 孟meng 万wan 段duan 钱qian 汤tang 尹yin 易yi 常chang 武wu 乔qiao ' +
  '贺he 赖lai 龚gong 文wen 葛ge 柳liu 滕teng 庞pang 倪ni 严yan'
).split(' ');

const GIVEN = (
  '伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 涛tao 明ming ' +
  '超chao 秀xiu 霞xia 平ping 刚gang 英ying 华hua 建jian 国guo 志zhi 文wen 海hai 峰feng 辉hui 鹏peng ' +
  '宇yu 晨chen 浩hao 凯kai 红hong 玉yu 兰lan 梅mei 琳lin 雪xue 颖ying 婷ting 倩qian 欣xin 立li ' +
  '新xin 振zhen 庆qing 德de 永yong 成cheng 东dong 春chun 光guang 荣rong 胜sheng 学xue 祥xiang ' +
  '毅yi 松song 泽ze 瑞rui 岩yan 锋feng 晓xiao 俊jun 斌bin 波bo 卫wei 民min 忠zhong 宏hong 耀yao ' +
  '远yuan 安an 维wei 清qing 家jia 嘉jia 慧hui 佳jia 思si 睿rui 琦qi 哲zhe 昊hao 铭ming 逸yi 亮liang ' +
  '坤kun 良liang 旭xu 晖hui 彬bin 钧jun 培pei 启qi 恒heng 骏jun 元yuan 韬tao 楠nan 蕾lei 萍ping ' +
  '燕yan 丹dan 玲ling 书shu 舒shu 云yun 秋qiu 雯wen 君jun 茂mao 达da 昌chang 益yi 朝chao'
).split(' ');

/** Real public figures a random draw could produce: never generated. */
const FAMOUS = new Set(
  (
    '李强 王毅 胡春华 孙春兰 雷军 刘强东 李娜 姚明 孙杨 杨利伟 赵丽颖 邓超 黄晓明 王俊凯 杨洋 刘涛 ' +
    '张杰 林俊杰 丁俊晖 许海峰 王楠 刘德华 黎明 陈建斌 王志文 张国立 黄磊 郭敬明 余华 朱军 周涛 ' +
    '汪洋 何立峰 王勇 王晨 黄坤明 张国清 陈文清 袁家军 何卫东 秦刚 韩俊 王志刚 钟志华 王建国 ' +
    '李彦宏 马化腾 张勇 周杰 王伟 李伟 张伟 刘伟 张磊 王磊 李静 王芳 李娜 张敏'
  ).split(' '),
);

/** The officers (帮办专员) of the technology bureau, one per project, reused across the ledger. */
const OFFICERS = ['周晓峰', '陈立群', '王海燕', '刘建明', '孙婷婷', '吴志刚'];

const MOBILE_PREFIXES = [
  '138',
  '139',
  '137',
  '136',
  '135',
  '150',
  '151',
  '152',
  '158',
  '159',
  '182',
  '187',
  '188',
  '130',
  '131',
  '132',
  '155',
  '156',
  '186',
  '133',
  '153',
  '177',
  '180',
  '181',
  '189',
  '199',
];
/** Area code used for office landlines of 青岚/东临 (any real-looking code will do). */
const AREA_CODE = '0561';

// ---------------------------------------------------------------------------------------------
// Data lists: organizations
// ---------------------------------------------------------------------------------------------

/** [name, industry, city, e-mail domain] */
const ENTERPRISES: [string, string, string, string][] = [
  ['青岚恒力智能装备有限公司', 'intelligentManufacturing', '青岚市', 'hengli-zn.com'],
  ['青岚精工机器人科技有限公司', 'intelligentManufacturing', '青岚市', 'jgrobot.cn'],
  ['东临数控机床股份有限公司', 'highEndEquipment', '东临市', 'dlcnc.com.cn'],
  ['青岚华锐重型机械有限公司', 'highEndEquipment', '青岚市', 'huarui-hm.com'],
  ['江东天工智能制造有限公司', 'intelligentManufacturing', '东临市', 'tiangong-im.com'],
  ['青岚航宇精密机械有限公司', 'aerospace', '青岚市', 'hangyu-pm.com'],
  ['青岚星箭复合材料有限公司', 'aerospace', '青岚市', 'xjcomposite.cn'],
  ['青岚绿源生物基材料有限公司', 'bioMaterials', '青岚市', 'lvyuanbio.com'],
  ['东临禾丰生物科技股份有限公司', 'bioMaterials', '东临市', 'hefengbio.com'],
  ['青岚农丰机械制造有限公司', 'agriMachinery', '青岚市', 'nongfeng-am.com'],
  ['江东沃野农林装备有限公司', 'agriMachinery', '东临市', 'woye-agri.com'],
  ['青岚青禾智慧农业科技有限公司', 'agriMachinery', '青岚市', 'qinghe-agri.cn'],
  ['青岚烯碳科技有限公司', 'graphene', '青岚市', 'xitan-tech.com'],
  ['东临墨烯新材料有限公司', 'graphene', '东临市', 'moxi-nm.com'],
  ['青岚烯能电子材料有限公司', 'graphene', '青岚市', 'xineng-em.com'],
  ['青岚华创新材料科技股份有限公司', 'newMaterials', '青岚市', 'huachuang-nm.com'],
  ['东临瑞纤特种纤维有限公司', 'newMaterials', '东临市', 'ruixian-fiber.com'],
  ['江东瑞丰化工有限公司', 'chemicals', '东临市', 'ruifeng-chem.com'],
  ['青岚永泰精细化工有限公司', 'chemicals', '青岚市', 'yongtai-chem.com'],
  ['青岚芯源微电子有限公司', 'integratedCircuits', '青岚市', 'xinyuan-micro.com'],
  ['东临晶测半导体设备有限公司', 'integratedCircuits', '东临市', 'jingce-semi.com'],
  ['青岚矽科封装测试有限公司', 'integratedCircuits', '青岚市', 'xike-pkg.com'],
  ['东临智感传感技术有限公司', 'intelligentManufacturing', '东临市', 'zhigan-sensor.com'],
  ['青岚蓝海储能科技有限公司', 'energyStorage', '青岚市', 'lanhai-ess.com'],
  ['东临钠科新能源有限公司', 'energyStorage', '东临市', 'nake-energy.com'],
  ['青岚钒能液流储能有限公司', 'energyStorage', '青岚市', 'fanneng-flow.com'],
  ['东临康泰医疗器械有限公司', 'medicalDevices', '东临市', 'kangtai-med.com'],
  ['青岚安瑞医疗科技有限公司', 'medicalDevices', '青岚市', 'anrui-med.cn'],
  ['青岚瓷源陶瓷有限公司', 'ceramics', '青岚市', 'ciyuan-ceramic.com'],
  ['东临精瓷科技有限公司', 'ceramics', '东临市', 'jingci-tech.com'],
  ['青岚金盾五金制品有限公司', 'hardware', '青岚市', 'jindun-hw.com'],
  ['青岚锐达工具有限公司', 'hardware', '青岚市', 'ruida-tools.com'],
  ['青岚禾香食品有限公司', 'foodProcessing', '青岚市', 'hexiang-food.com'],
  ['东临谷丰粮油食品股份有限公司', 'foodProcessing', '东临市', 'gufeng-food.com'],
  ['青岚步云鞋业有限公司', 'textiles', '青岚市', 'buyun-shoes.com'],
  ['青岚锦绣纺织服饰有限公司', 'textiles', '青岚市', 'jinxiu-tex.com'],
  ['青岚德润环保装备有限公司', 'highEndEquipment', '青岚市', 'derun-ep.com'],
  ['青岚宏远铸造有限公司', 'highEndEquipment', '青岚市', 'hongyuan-cast.com'],
  ['合肥智航无人机系统有限公司', 'aerospace', '合肥', 'zhihang-uav.com'],
  ['宁波甬烯新材料有限公司', 'graphene', '宁波', 'yongxi-nm.com'],
  ['西安秦工精密传动有限公司', 'highEndEquipment', '西安', 'qingong-pt.com'],
];

const ENTERPRISE_NOTES = [
  '国家高新技术企业',
  '省级专精特新中小企业',
  '国家级专精特新“小巨人”企业',
  '省级企业技术中心',
  '规上工业企业，年产值约{n}亿元',
  '省级工程研究中心依托单位',
];

/** Industrial parks and roads for local enterprise addresses. */
const PARKS: Record<string, string[]> = {
  青岚市: [
    '青岚经济技术开发区',
    '青岚高新技术产业园',
    '青岚市石墨烯产业园',
    '青岚市云溪镇工业集中区',
    '青岚市临河镇工业园',
  ],
  东临市: ['东临高新技术产业开发区', '东临经济开发区', '东临市滨江新区'],
  合肥: ['合肥市高新区'],
  宁波: ['宁波市北仑区'],
  西安: ['西安市高新区'],
};
const ROADS = [
  '智造大道',
  '科创路',
  '兴业路',
  '新材料大道',
  '纬三路',
  '经二路',
  '滨河路',
  '创业大道',
  '云溪路',
  '长兴路',
  '望湖路',
  '工业南路',
];

/** [name, industry, city, domain, address] */
const UNIVERSITIES: [string, string | null, string, string, string][] = [
  ['江淮工业大学', 'intelligentManufacturing', '合肥', 'jhut.edu.cn', '合肥市蜀山区科学大道199号'],
  ['秦川理工大学', 'aerospace', '西安', 'qcut.edu.cn', '西安市雁塔区学府路88号'],
  ['北辰航天大学', 'aerospace', '北京', 'bcau.edu.cn', '北京市海淀区北辰西路37号'],
  ['楚天化工大学', 'chemicals', '武汉', 'ctcu.edu.cn', '武汉市洪山区珞狮路206号'],
  ['湘江工程技术大学', 'highEndEquipment', '长沙', 'xjetu.edu.cn', '长沙市岳麓区麓山南路152号'],
  ['钟山农林大学', 'agriMachinery', '南京', 'zsafu.edu.cn', '南京市玄武区龙蟠路159号'],
  ['蓉城电子科技大学', 'integratedCircuits', '成都', 'rcuest.edu.cn', '成都市高新区西源大道2006号'],
  ['太行能源大学', 'energyStorage', '太原', 'thneu.edu.cn', '太原市万柏林区迎泽西大街79号'],
  ['东海材料科技大学', 'newMaterials', '上海', 'dhmst.edu.cn', '上海市杨浦区军工路516号'],
  ['江东大学', null, '东临市', 'jdu.edu.cn', '东临市大学城文华路1号'],
  ['江东医科大学', 'medicalDevices', '东临市', 'jdmu.edu.cn', '东临市大学城杏林路8号'],
  ['东临职业技术学院', 'intelligentManufacturing', '东临市', 'dlvtc.edu.cn', '东临市大学城职教路18号'],
  ['青岚职业技术学院', 'intelligentManufacturing', '青岚市', 'qlvtc.edu.cn', '青岚市云溪路300号'],
];

const INSTITUTES: [string, string, string, string, string][] = [
  ['北方兵器工业第三〇九研究所', 'aerospace', '北京', 'nwi309.cn', '北京市丰台区东高地街道万源路9号'],
  ['北方航天动力技术研究所', 'aerospace', '西安', 'nasp.ac.cn', '西安市航天基地东长安街501号'],
  ['国科化工研究院', 'chemicals', '北京', 'gkchem.ac.cn', '北京市朝阳区北三环东路19号'],
  ['江东省生物基材料产业技术研究院', 'bioMaterials', '东临市', 'jdbio.org.cn', '东临高新区创新路66号'],
  ['滨海石墨烯创新研究院', 'graphene', '宁波', 'bhgraphene.ac.cn', '宁波市镇海区庄市大道1219号'],
  ['中科东临储能技术研究院', 'energyStorage', '东临市', 'dless.ac.cn', '东临高新区科技大道108号'],
  ['江东省农业机械化研究所', 'agriMachinery', '东临市', 'jdamri.org.cn', '东临市农科路12号'],
  ['江东省集成电路设计创新研究院', 'integratedCircuits', '东临市', 'jdicd.org.cn', '东临高新区芯谷路2号'],
  ['江东省陶瓷工业研究所', 'ceramics', '东临市', 'jdceramic.org.cn', '东临市陶瓷路45号'],
  ['国科智能制造研究院东临分院', 'intelligentManufacturing', '东临市', 'gkim-dl.ac.cn', '东临高新区智能谷A座'],
  ['江东省医疗器械检验研究院', 'medicalDevices', '东临市', 'jdmdt.org.cn', '东临市健康路27号'],
];

const INSTITUTE_NOTES: Record<string, string> = {
  北方兵器工业第三〇九研究所: '主要从事火箭弹、导弹总体与精密结构技术研究，军民融合项目对接窗口为科技发展部',
  国科化工研究院: '化工新材料、精细化工工艺研究，可提供中试放大服务',
  滨海石墨烯创新研究院: '石墨烯制备与应用研究，拥有百吨级石墨烯粉体中试线',
  中科东临储能技术研究院: '市校共建新型研发机构，方向为钠离子电池和液流电池',
};

/** [name, kind, industry, city, address] for government bodies, associations, media and others. */
const OTHER_ORGS: [string, string, string | null, string, string][] = [
  ['青岚市人民政府', 'government', null, '青岚市', '青岚市人民路1号'],
  ['青岚市科学技术协会', 'government', null, '青岚市', '青岚市人民路1号行政中心5号楼'],
  ['青岚市科学技术局', 'government', null, '青岚市', '青岚市人民路1号行政中心3号楼'],
  ['青岚市工业和信息化局', 'government', null, '青岚市', '青岚市人民路1号行政中心3号楼'],
  ['青岚经济技术开发区管委会', 'government', null, '青岚市', '青岚经济技术开发区智造大道1号'],
  ['东临市科学技术局', 'government', null, '东临市', '东临市市民中心B座'],
  ['东临市科学技术协会', 'government', null, '东临市', '东临市市民中心C座'],
  ['江东省科学技术协会', 'government', null, '东临市', '东临市省府路18号'],
  ['江东省农业机械学会', 'association', 'agriMachinery', '东临市', '东临市农科路12号'],
  ['江东省机械工程学会', 'association', 'highEndEquipment', '东临市', '东临市省府路18号科技会堂'],
  ['江东省石墨烯产业联盟', 'association', 'graphene', '青岚市', '青岚市石墨烯产业园综合楼'],
  ['东临市储能产业协会', 'association', 'energyStorage', '东临市', '东临高新区科技大道108号'],
  ['青岚市智能制造产业协会', 'association', 'intelligentManufacturing', '青岚市', '青岚经济技术开发区科创中心'],
  ['青岚市企业家协会', 'association', null, '青岚市', '青岚市人民路55号'],
  ['青岚市融媒体中心', 'media', null, '青岚市', '青岚市广电路8号'],
  ['东临日报社', 'media', null, '东临市', '东临市新华路100号'],
  ['江东科技报社', 'media', null, '东临市', '东临市省府路18号科技会堂'],
  ['青岚农村商业银行', 'other', null, '青岚市', '青岚市人民路88号'],
  ['东临科创投资基金管理有限公司', 'other', null, '东临市', '东临高新区金融港1号'],
];

// ---------------------------------------------------------------------------------------------
// Data lists: titles of people, by role and kind of employer
// ---------------------------------------------------------------------------------------------

const ACADEMICIAN_TITLES = ['中国工程院院士', '中国工程院院士', '中国工程院院士', '中国科学院院士', '中国科学院院士'];
const EXPERT_TITLES: Record<string, string[]> = {
  university: [
    '教授',
    '教授、博士生导师',
    '教授、博士生导师',
    '副教授',
    '科技处处长',
    '副校长、教授',
    '学院院长、教授',
    '研究员',
  ],
  vocational: ['副教授', '教授', '副院长', '高级实验师', '智能制造学院院长'],
  institute: ['研究员', '研究员级高级工程师', '高级工程师', '副所长、研究员', '总工程师', '副研究员'],
  association: ['理事长', '秘书长', '副理事长'],
};
const OWNER_TITLES = ['董事长', '总经理', '董事长兼总经理', '董事长'];
const MANAGER_TITLES = ['副总经理', '技术总监', '总工程师', '研发中心主任'];

/** [organization, title] of the local officials who attend events. */
const OFFICIALS: [string, string][] = [
  ['青岚市人民政府', '市长'],
  ['青岚市人民政府', '副市长'],
  ['青岚市人民政府', '副市长'],
  ['青岚市科学技术协会', '主席'],
  ['青岚市科学技术协会', '党组书记'],
  ['青岚市科学技术协会', '副主席'],
  ['青岚市科学技术协会', '学会部部长'],
  ['青岚市科学技术局', '局长'],
  ['青岚市科学技术局', '副局长'],
  ['青岚市科学技术局', '副局长'],
  ['青岚市科学技术局', '成果转化科科长'],
  ['青岚市工业和信息化局', '局长'],
  ['青岚市工业和信息化局', '副局长'],
  ['青岚经济技术开发区管委会', '主任'],
  ['青岚经济技术开发区管委会', '副主任'],
  ['东临市科学技术协会', '副主席'],
  ['东临市科学技术局', '副局长'],
  ['江东省科学技术协会', '副主席'],
  ['江东省科学技术协会', '学会学术部部长'],
];
/** Officials who sit on the platform (主席台). */
const PLATFORM_TITLES = new Set(['市长', '副市长', '主席', '党组书记', '局长', '主任', '副主席']);

/** Organisers' staff; the 接站组 meet trains and flights. */
const STAFF: [string, string][] = [
  ['青岚市科学技术协会', '接站组'],
  ['青岚市科学技术协会', '接站组'],
  ['青岚市科学技术局', '接站组'],
  ['青岚市科学技术局', '接站组'],
  ['青岚市科学技术协会', '会务组组长'],
  ['青岚市科学技术协会', '会务组'],
  ['青岚市科学技术协会', '会务组'],
  ['青岚市科学技术协会', '接待组'],
  ['青岚市科学技术协会', '证书组'],
  ['青岚市科学技术局', '签到组'],
  ['青岚市科学技术协会', '宣传组'],
  ['青岚市科学技术局', '综合组'],
];
const MEDIA: [string, string][] = [
  ['青岚市融媒体中心', '记者'],
  ['青岚市融媒体中心', '记者'],
  ['青岚市融媒体中心', '摄像记者'],
  ['青岚市融媒体中心', '编辑'],
  ['东临日报社', '记者'],
  ['东临日报社', '记者'],
  ['江东科技报社', '记者'],
  ['江东科技报社', '编辑'],
];
/** Guests; null organization for people who come in their own name. */
const GUESTS: [string | null, string][] = [
  ['青岚农村商业银行', '行长'],
  ['青岚农村商业银行', '科技金融部总经理'],
  ['东临科创投资基金管理有限公司', '投资总监'],
  ['东临科创投资基金管理有限公司', '合伙人'],
  [null, '乡贤代表'],
  [null, '乡贤代表'],
  [null, '青岚商会会长'],
  [null, '校友代表'],
  [null, '企业家代表'],
  [null, '特邀嘉宾'],
];

const ATTENDEE_NOTES = [
  '清真餐',
  '素食',
  '携助理1人',
  '需安排无烟房',
  '腿脚不便，需安排无障碍通道',
  '会后参加企业考察',
  '需开具会议通知函（盖章件）',
  '返程需送站',
  '需提前打印发言稿',
  '需报销往返交通费，已收身份证复印件',
];
const DECLINE_REASONS = ['时间冲突', '出国访问', '另有公务安排', '身体原因', '学校期末考试期间', '在外地出差'];

// ---------------------------------------------------------------------------------------------
// Data lists: events
// ---------------------------------------------------------------------------------------------

type Role = 'academician' | 'expert' | 'entrepreneur' | 'official' | 'media' | 'staff' | 'guest';

interface SummitSpec {
  key: string;
  name: string;
  kind: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  city: string;
  venue: string;
  host: string;
  status: 'finished' | 'ongoing' | 'inviting' | 'planning';
  description: string;
  /** when organisers created the record */
  createdOn: string;
  /** industries whose experts and entrepreneurs are invited first (null: any) */
  industries: string[] | null;
  hotels: string[];
  trainStations: string[];
  guests: Partial<Record<Role, number>>;
}

const QINGLAN_HOTELS = ['青岚国际大酒店', '青岚宾馆', '云溪湖度假酒店'];
const QINGLAN_STATIONS = ['青岚南站', '青岚南站', '青岚南站', '青岚站', '东临东站'];
const AIRPORTS = ['东临机场T2', '东临机场T2', '东临机场T1'];

const SUMMITS: SummitSpec[] = [
  {
    key: 'match2025',
    name: '2025年青岚市校地合作对接会',
    kind: 'matchmaking',
    theme: '校地携手 智汇青岚',
    startsOn: '2025-04-18',
    endsOn: '2025-04-18',
    city: '青岚市',
    venue: '青岚市会展中心二楼报告厅',
    host: '青岚市人民政府；承办：青岚市科学技术局、青岚市科学技术协会',
    status: 'finished',
    description:
      '邀请省内外13所高校和科研院所与本市120余家企业面对面对接，发布企业技术需求86项，现场签约校地、校企合作项目11项。',
    createdOn: '2025-02-20',
    industries: null,
    hotels: QINGLAN_HOTELS,
    trainStations: QINGLAN_STATIONS,
    guests: { academician: 1, expert: 14, entrepreneur: 13, official: 6, media: 2, staff: 3, guest: 1 },
  },
  {
    key: 'graphene2025',
    name: '2025江东（青岚）石墨烯产业大会',
    kind: 'conference',
    theme: '烯望未来 链动产业',
    startsOn: '2025-09-12',
    endsOn: '2025-09-13',
    city: '青岚市',
    venue: '青岚国际会议中心',
    host: '江东省石墨烯产业联盟、青岚市人民政府',
    status: 'finished',
    description:
      '设主论坛和石墨烯导热、储能、复合材料三个分论坛；现场签约共建联合实验室4个，以及公共检测平台、技术转让项目各1项。',
    createdOn: '2025-07-01',
    industries: ['graphene', 'newMaterials', 'energyStorage', 'textiles'],
    hotels: QINGLAN_HOTELS,
    trainStations: QINGLAN_STATIONS,
    guests: { academician: 3, expert: 16, entrepreneur: 12, official: 5, media: 2, staff: 3, guest: 2 },
  },
  {
    key: 'ic2026',
    name: '2026集成电路产教融合论坛',
    kind: 'forum',
    theme: '产教融合 芯火相传',
    startsOn: '2026-05-22',
    endsOn: '2026-05-23',
    city: '东临市',
    venue: '东临职业技术学院学术报告厅',
    host: '东临市科学技术局、东临职业技术学院',
    status: 'finished',
    description: '聚焦集成电路人才培养和产教融合，校企共建订单班和联合实验室，发布集成电路企业岗位需求320个。',
    createdOn: '2026-03-16',
    industries: ['integratedCircuits', 'intelligentManufacturing', 'medicalDevices'],
    hotels: ['东临国际饭店', '东临职院学术交流中心'],
    trainStations: ['东临东站', '东临东站', '东临站'],
    guests: { academician: 2, expert: 12, entrepreneur: 8, official: 4, media: 2, staff: 3, guest: 1 },
  },
  {
    key: 'storage2026',
    name: '2026新型储能产业发展论坛',
    kind: 'forum',
    theme: '储能赋能 绿色发展',
    startsOn: '2026-11-19',
    endsOn: '2026-11-21',
    city: '青岚市',
    venue: '青岚经开区科创中心',
    host: '青岚经济技术开发区管委会、东临市储能产业协会',
    status: 'ongoing',
    description:
      '围绕钠离子电池、液流电池、储能安全等方向开展交流，举行新型储能产业项目签约仪式，组织参观储能示范电站。',
    createdOn: '2026-09-01',
    industries: ['energyStorage', 'graphene', 'chemicals', 'newMaterials'],
    hotels: QINGLAN_HOTELS,
    trainStations: QINGLAN_STATIONS,
    guests: { academician: 2, expert: 14, entrepreneur: 10, official: 5, media: 2, staff: 4, guest: 1 },
  },
  {
    key: 'im2026',
    name: '2026青岚智能制造高峰论坛',
    kind: 'summit',
    theme: '智造赋能 创新驱动',
    startsOn: '2026-12-04',
    endsOn: '2026-12-05',
    city: '青岚市',
    venue: '青岚国际会议中心',
    host: '青岚市人民政府、江东省科学技术协会；承办：青岚市科学技术协会',
    status: 'inviting',
    description:
      '拟邀请两院院士及专家学者100余位参会；大会期间举行院士主旨报告和项目签约仪式，授予两位青岚籍院士“青岚市荣誉市民”称号；' +
      '分设火箭与导弹技术、生物基材料、农林装备三个专题研讨会，并组织专家赴重点企业考察。',
    createdOn: '2026-09-15',
    industries: [
      'intelligentManufacturing',
      'highEndEquipment',
      'aerospace',
      'bioMaterials',
      'agriMachinery',
      'chemicals',
    ],
    hotels: QINGLAN_HOTELS,
    trainStations: QINGLAN_STATIONS,
    guests: { academician: 30, expert: 75, entrepreneur: 28, official: 14, media: 6, staff: 12, guest: 2 },
  },
  {
    key: 'ceramics2027',
    name: '2027青岚先进陶瓷与新材料创新论坛',
    kind: 'forum',
    theme: '匠心陶瓷 材料强基',
    startsOn: '2027-04-16',
    endsOn: '2027-04-17',
    city: '青岚市',
    venue: '青岚国际会议中心',
    host: '青岚市科学技术协会、江东省陶瓷工业研究所',
    status: 'planning',
    description: '筹备中：拟围绕先进结构陶瓷、陶瓷绿色制造和五金新材料开展研讨，方案待市政府审定。',
    createdOn: '2026-11-10',
    industries: ['ceramics', 'newMaterials', 'hardware'],
    hotels: QINGLAN_HOTELS,
    trainStations: QINGLAN_STATIONS,
    guests: { academician: 3, expert: 8, entrepreneur: 4, official: 2 },
  },
];

/** The two academicians born in 青岚 who receive the honorary-citizen title at the summit. */
const HOMETOWN_ACADEMICIANS: { org: string; title: string; note: string }[] = [
  {
    org: '北辰航天大学',
    title: '中国工程院院士',
    note: '青岚籍院士（云溪镇人），大会授予“青岚市荣誉市民”称号；作大会主旨报告；荣誉证书姓名需手写',
  },
  {
    org: '钟山农林大学',
    title: '中国工程院院士',
    note: '青岚籍院士（临河镇人），大会授予“青岚市荣誉市民”称号；主持农林装备专题研讨会；荣誉证书姓名需手写',
  },
];

const SERIES = [
  {
    key: 'academician',
    name: '青岚院士大讲堂',
    host: '青岚市科学技术协会',
    startYear: 2019,
    description: '每季度邀请一位两院院士来青岚作报告，面向企业技术骨干、科技工作者和青年学生，已累计举办30余期。',
  },
  {
    key: 'tech',
    name: '青岚科技大讲堂',
    host: '青岚市科学技术局',
    startYear: 2021,
    description: '聚焦科技政策解读、成果转化和企业研发管理，每一到两个月一期，线上线下同步直播。',
  },
  {
    key: 'enterprise',
    name: '企业创新讲堂',
    host: '青岚市企业家协会、青岚市工业和信息化局',
    startYear: 2023,
    description: '由本地龙头企业负责人和外地优秀企业家分享创新与管理经验，在企业车间和园区轮流举办。',
  },
];

interface CeremonySpec {
  key: string;
  summit: string | null;
  title: string;
  heldOn: string;
  venue: string;
  host: string;
  note: string | null;
}

const CEREMONIES: CeremonySpec[] = [
  {
    key: 'match',
    summit: 'match2025',
    title: '2025年校地合作项目集中签约仪式',
    heldOn: '2025-04-18',
    venue: '青岚市会展中心二楼报告厅',
    host: '青岚市科学技术局',
    note: '现场签约校地、校企合作项目11项，分管副市长见证签约。',
  },
  {
    key: 'graphene',
    summit: 'graphene2025',
    title: '石墨烯联合实验室签约仪式',
    heldOn: '2025-09-12',
    venue: '青岚国际会议中心主会场',
    host: '江东省石墨烯产业联盟',
    note: '共建联合实验室4个，另签约公共检测平台和技术转让项目各1项。',
  },
  {
    key: 'challenge',
    summit: null,
    title: '2025年度“揭榜挂帅”科技项目签约仪式',
    heldOn: '2025-12-18',
    venue: '青岚市行政中心三楼会议室',
    host: '青岚市科学技术局',
    note: '首批5个榜单全部揭榜，其中协作机器人关节模组项目计划研发投入1600万元。',
  },
  {
    key: 'ic',
    summit: 'ic2026',
    title: '集成电路产教融合项目签约仪式',
    heldOn: '2026-05-22',
    venue: '东临职业技术学院学术报告厅',
    host: '东临市科学技术局',
    note: null,
  },
  {
    key: 'institutes',
    summit: null,
    title: '科研院所招引项目集中签约仪式',
    heldOn: '2026-08-28',
    venue: '青岚市行政中心一号会议室',
    host: '青岚市人民政府',
    note: '今年以来共举办院所对接活动18场，本次集中签约9项。',
  },
  {
    key: 'storage',
    summit: 'storage2026',
    title: '新型储能产业项目签约仪式',
    heldOn: '2026-11-19',
    venue: '青岚经开区科创中心一楼报告厅',
    host: '青岚经济技术开发区管委会',
    note: null,
  },
  {
    key: 'im',
    summit: 'im2026',
    title: '智能制造高峰论坛项目签约仪式',
    heldOn: '2026-12-04',
    venue: '青岚国际会议中心主会场',
    host: '青岚市人民政府',
    note:
      '拟签约8项，包括青岚星箭复合材料有限公司与北方兵器工业第三〇九研究所、青岚绿源生物基材料有限公司与国科化工研究院、' +
      '青岚青禾智慧农业科技有限公司与江东省农业机械学会等；签约文本12月1日前定稿，签约嘉宾座次另附。',
  },
];

/**
 * Lectures. speaker says who gives it: a role picked from the people (summit lectures pick
 * among that summit's attendees), 'hometown' / 'hometown2' for the hometown academicians,
 * 'seminar:<industries>' for a summit attendee of those industries, 'org:<name>' for the head
 * of that organization, 'official:<org>' for an official of that organization.
 */
interface LectureSpec {
  series: string | null;
  summit: string | null;
  on: string;
  time: string;
  kind: 'keynote' | 'lecture' | 'seminar' | 'visit';
  title: string;
  industry: string;
  venue: string;
  speaker: string;
  abstract: string;
}

const KJG = '青岚市科技馆报告厅';
const LECTURES: LectureSpec[] = [
  // 青岚院士大讲堂
  {
    series: 'academician',
    summit: null,
    on: '2025-03-28',
    time: '14:30',
    kind: 'lecture',
    title: '人工智能赋能制造业转型升级',
    industry: 'intelligentManufacturing',
    venue: KJG,
    speaker: 'academician',
    abstract: '结合国内外典型案例，讲解工业大模型、机器视觉在离散制造中的应用路径，以及中小企业的切入点。',
  },
  {
    series: 'academician',
    summit: null,
    on: '2025-06-27',
    time: '14:30',
    kind: 'lecture',
    title: '新型储能技术发展趋势与产业机遇',
    industry: 'energyStorage',
    venue: KJG,
    speaker: 'academician',
    abstract: '梳理锂电、钠电、液流电池等技术路线的成熟度与成本走势，分析县域发展储能产业的机会与风险。',
  },
  {
    series: 'academician',
    summit: 'graphene2025',
    on: '2025-09-12',
    time: '09:30',
    kind: 'keynote',
    title: '石墨烯材料从实验室走向生产线',
    industry: 'graphene',
    venue: '青岚国际会议中心主会场',
    speaker: 'academician',
    abstract: '回顾石墨烯产业化十余年的经验教训，提出以应用牵引、标准先行推动石墨烯导热、防腐等产品规模化。',
  },
  {
    series: 'academician',
    summit: null,
    on: '2025-11-28',
    time: '14:30',
    kind: 'lecture',
    title: '丘陵山区农机装备的短板与突破',
    industry: 'agriMachinery',
    venue: KJG,
    speaker: 'academician',
    abstract: '分析丘陵山区农机“无机可用、有机难用”的难题，介绍小型化、智能化农机装备的研发进展。',
  },
  {
    series: 'academician',
    summit: null,
    on: '2026-03-27',
    time: '14:30',
    kind: 'lecture',
    title: '生物制造与化工产业绿色转型',
    industry: 'bioMaterials',
    venue: KJG,
    speaker: 'academician',
    abstract: '介绍以秸秆、淀粉为原料的生物基材料技术进展，探讨传统化工企业的绿色转型路径。',
  },
  {
    series: 'academician',
    summit: null,
    on: '2026-06-26',
    time: '14:30',
    kind: 'lecture',
    title: '航空航天先进复合材料前沿',
    industry: 'aerospace',
    venue: KJG,
    speaker: 'academician',
    abstract: '讲解碳纤维复合材料在火箭壳体、无人机结构中的应用，以及向民用领域转化的机会。',
  },
  {
    series: 'academician',
    summit: 'storage2026',
    on: '2026-11-19',
    time: '09:30',
    kind: 'keynote',
    title: '新型储能安全与规模化应用',
    industry: 'energyStorage',
    venue: '青岚经开区科创中心一楼报告厅',
    speaker: 'academician',
    abstract: '从电池本征安全、系统热管理和电站运维三个层面分析储能安全问题，提出规模化应用建议。',
  },
  {
    series: 'academician',
    summit: 'im2026',
    on: '2026-12-04',
    time: '09:30',
    kind: 'keynote',
    title: '智能制造与县域产业高质量发展',
    industry: 'intelligentManufacturing',
    venue: '青岚国际会议中心主会场',
    speaker: 'hometown',
    abstract: '结合家乡产业基础，谈县域制造业如何借力智能制造和科技资源实现转型升级。',
  },
  {
    series: 'academician',
    summit: null,
    on: '2027-03-26',
    time: '14:30',
    kind: 'lecture',
    title: '工业软件自主可控之路',
    industry: 'intelligentManufacturing',
    venue: KJG,
    speaker: 'academician',
    abstract: '（拟定）介绍研发设计类和生产控制类工业软件的国产化进展与企业选型建议。',
  },
  // 青岚科技大讲堂
  {
    series: 'tech',
    summit: 'match2025',
    on: '2025-04-18',
    time: '14:00',
    kind: 'lecture',
    title: '高校科技成果转化的路径与案例',
    industry: 'other',
    venue: '青岚市会展中心二楼报告厅',
    speaker: 'expert',
    abstract: '介绍技术转让、许可、作价入股等成果转化方式，分享校企合作的典型案例和常见合同风险。',
  },
  {
    series: 'tech',
    summit: null,
    on: '2025-05-16',
    time: '14:30',
    kind: 'lecture',
    title: '研发费用加计扣除政策解读',
    industry: 'other',
    venue: '青岚市行政中心多功能厅',
    speaker: 'official:青岚市科学技术局',
    abstract: '解读最新研发费用加计扣除政策口径，讲解辅助账设置和常见申报问题。',
  },
  {
    series: 'tech',
    summit: null,
    on: '2025-07-18',
    time: '14:30',
    kind: 'lecture',
    title: '企业专利布局与知识产权保护',
    industry: 'other',
    venue: '青岚市行政中心多功能厅',
    speaker: 'expert',
    abstract: '围绕高价值专利培育、专利导航和侵权应对，结合本地企业案例讲解知识产权管理要点。',
  },
  {
    series: 'tech',
    summit: null,
    on: '2025-10-17',
    time: '14:30',
    kind: 'lecture',
    title: '企业研发机构建设实务',
    industry: 'intelligentManufacturing',
    venue: '青岚经开区科创中心路演厅',
    speaker: 'expert',
    abstract: '讲解企业技术中心、工程研究中心的认定条件和建设要点，分享研发组织管理经验。',
  },
  {
    series: 'tech',
    summit: null,
    on: '2026-01-16',
    time: '14:30',
    kind: 'lecture',
    title: '“揭榜挂帅”项目申报与过程管理',
    industry: 'other',
    venue: '青岚市行政中心多功能厅',
    speaker: 'official:青岚市科学技术局',
    abstract: '介绍揭榜挂帅项目的榜单征集、揭榜评审、里程碑考核和经费拨付流程。',
  },
  {
    series: 'tech',
    summit: null,
    on: '2026-04-17',
    time: '14:30',
    kind: 'lecture',
    title: '数字化车间建设路径',
    industry: 'intelligentManufacturing',
    venue: '青岚经开区科创中心路演厅',
    speaker: 'expert',
    abstract: '从设备联网、MES选型到数据治理，分步骤讲解中小企业数字化车间建设方法。',
  },
  {
    series: 'tech',
    summit: 'ic2026',
    on: '2026-05-22',
    time: '14:00',
    kind: 'lecture',
    title: '集成电路产业人才需求与产教融合',
    industry: 'integratedCircuits',
    venue: '东临职业技术学院学术报告厅',
    speaker: 'expert',
    abstract: '分析封装测试、设备运维等岗位的人才缺口，介绍订单班、现代学徒制等校企合作模式。',
  },
  {
    series: 'tech',
    summit: null,
    on: '2026-09-18',
    time: '14:30',
    kind: 'lecture',
    title: '工业互联网标识解析应用',
    industry: 'intelligentManufacturing',
    venue: '青岚经开区科创中心路演厅',
    speaker: 'expert',
    abstract: '介绍标识解析二级节点建设情况，演示产品追溯、供应链协同等典型应用。',
  },
  {
    series: 'tech',
    summit: null,
    on: '2026-12-18',
    time: '14:30',
    kind: 'lecture',
    title: '科技成果评价与作价入股',
    industry: 'other',
    venue: '青岚市行政中心多功能厅',
    speaker: 'expert',
    abstract: '（拟定）讲解科技成果评价方法、作价入股流程及国有资产管理要求。',
  },
  // 企业创新讲堂
  {
    series: 'enterprise',
    summit: null,
    on: '2025-04-25',
    time: '15:00',
    kind: 'lecture',
    title: '精益生产在中小制造企业的实践',
    industry: 'highEndEquipment',
    venue: '青岚华锐重型机械有限公司培训中心',
    speaker: 'org:青岚华锐重型机械有限公司',
    abstract: '分享企业推行精益生产五年来的做法，车间在制品减少40%，交付周期缩短三分之一。',
  },
  {
    series: 'enterprise',
    summit: null,
    on: '2025-08-22',
    time: '15:00',
    kind: 'lecture',
    title: '陶瓷企业绿色低碳改造经验',
    industry: 'ceramics',
    venue: '青岚瓷源陶瓷有限公司会议室',
    speaker: 'org:青岚瓷源陶瓷有限公司',
    abstract: '介绍窑炉节能改造、余热利用和光伏屋顶项目的投入与回报。',
  },
  {
    series: 'enterprise',
    summit: null,
    on: '2025-12-19',
    time: '15:00',
    kind: 'lecture',
    title: '从代工到品牌：鞋服企业的数字化转型',
    industry: 'textiles',
    venue: '青岚步云鞋业有限公司展厅',
    speaker: 'org:青岚步云鞋业有限公司',
    abstract: '讲述企业从贴牌加工走向自主品牌的历程，以及柔性生产和直播电商的实践。',
  },
  {
    series: 'enterprise',
    summit: null,
    on: '2026-03-13',
    time: '15:00',
    kind: 'lecture',
    title: '专精特新企业的成长路径',
    industry: 'intelligentManufacturing',
    venue: '青岚经开区科创中心路演厅',
    speaker: 'org:青岚精工机器人科技有限公司',
    abstract: '以协作机器人关节模组为例，分享专注细分市场、持续研发投入的经验。',
  },
  {
    series: 'enterprise',
    summit: null,
    on: '2026-07-17',
    time: '15:00',
    kind: 'lecture',
    title: '食品企业质量追溯体系建设',
    industry: 'foodProcessing',
    venue: '东临谷丰粮油食品股份有限公司会议室',
    speaker: 'org:东临谷丰粮油食品股份有限公司',
    abstract: '介绍从原粮收购到成品出库的全程追溯系统建设和食品安全管理经验。',
  },
  {
    series: 'enterprise',
    summit: null,
    on: '2026-10-23',
    time: '15:00',
    kind: 'visit',
    title: '走进储能企业：电池系统产线观摩',
    industry: 'energyStorage',
    venue: '青岚蓝海储能科技有限公司',
    speaker: 'org:青岚蓝海储能科技有限公司',
    abstract: '组织30余家企业负责人参观储能电池系统智能产线，交流数字化工厂建设经验。',
  },
  {
    series: 'enterprise',
    summit: null,
    on: '2026-12-11',
    time: '15:00',
    kind: 'lecture',
    title: '农机企业用好首台（套）政策',
    industry: 'agriMachinery',
    venue: '青岚农丰机械制造有限公司会议室',
    speaker: 'org:青岚农丰机械制造有限公司',
    abstract: '（拟定）分享企业申报首台（套）重大技术装备和农机购置补贴的经验。',
  },
  // Sessions of summits outside any series
  {
    series: null,
    summit: 'storage2026',
    on: '2026-11-20',
    time: '14:00',
    kind: 'visit',
    title: '参观青岚蓝海储能示范电站',
    industry: 'energyStorage',
    venue: '青岚经济技术开发区',
    speaker: 'org:青岚蓝海储能科技有限公司',
    abstract: '参观10MW/20MWh用户侧储能示范电站和电池系统产线。',
  },
  {
    series: null,
    summit: 'im2026',
    on: '2026-12-04',
    time: '14:00',
    kind: 'seminar',
    title: '火箭与导弹技术专题研讨会',
    industry: 'aerospace',
    venue: '青岚国际会议中心第一分会场',
    speaker: 'seminar:aerospace',
    abstract: '围绕固体火箭发动机壳体、弹体精密结构件加工等方向，研讨本地配套企业参与军民融合的路径。',
  },
  {
    series: null,
    summit: 'im2026',
    on: '2026-12-04',
    time: '14:00',
    kind: 'seminar',
    title: '生物基材料专题研讨会',
    industry: 'bioMaterials',
    venue: '青岚国际会议中心第二分会场',
    speaker: 'seminar:bioMaterials,chemicals',
    abstract: '研讨聚乳酸改性、秸秆综合利用和生物基化学品的产业化瓶颈与合作机会。',
  },
  {
    series: null,
    summit: 'im2026',
    on: '2026-12-04',
    time: '14:00',
    kind: 'seminar',
    title: '农林装备专题研讨会',
    industry: 'agriMachinery',
    venue: '青岚国际会议中心第三分会场',
    speaker: 'hometown2',
    abstract: '聚焦丘陵山区农机、林果采收机械和智慧农机作业监测，发布本地企业技术需求12项。',
  },
  {
    series: null,
    summit: 'im2026',
    on: '2026-12-05',
    time: '08:30',
    kind: 'visit',
    title: '企业考察：青岚恒力智能装备、青岚农丰机械',
    industry: 'intelligentManufacturing',
    venue: '青岚经济技术开发区',
    speaker: 'org:青岚恒力智能装备有限公司',
    abstract: '专家分两组考察智能焊接产线和农机总装车间，现场座谈企业技术难题。',
  },
];

/**
 * The agreements ledger. Ceremony key (signedOn is that ceremony's date) or null with a
 * signing date. Amounts in 万元 here, stored in 元.
 */
type AgreementSpec = {
  ceremony: string | null;
  signedOn?: string;
  enterprise: string;
  partner: string;
  kind: string;
  title: string;
  wan: number | null;
  status: string;
  /** status path of the follow-ups, when not the usual one */
  path?: string[];
  note?: string;
};

const A = (
  ceremony: string | null,
  enterprise: string,
  partner: string,
  kind: string,
  title: string,
  wan: number | null,
  status: string,
  extra: Partial<AgreementSpec> = {},
): AgreementSpec => ({ ceremony, enterprise, partner, kind, title, wan, status, ...extra });

const AGREEMENTS: AgreementSpec[] = [
  // 2025 校地合作对接会: exactly eleven signings
  A('match', '青岚恒力智能装备有限公司', '江淮工业大学', 'jointLab', '智能焊接机器人联合实验室', 300, 'completed'),
  A(
    'match',
    '青岚农丰机械制造有限公司',
    '钟山农林大学',
    'techTransfer',
    '丘陵山区小型联合收割机技术转让',
    120,
    'landed',
  ),
  A('match', '青岚禾香食品有限公司', '江东大学', 'jointRD', '低糖糕点保鲜工艺联合研发', 80, 'completed'),
  A('match', '青岚步云鞋业有限公司', '东临职业技术学院', 'talent', '鞋服智能制造现代学徒制人才培养', 50, 'inProgress'),
  A(
    'match',
    '青岚瓷源陶瓷有限公司',
    '江东省陶瓷工业研究所',
    'techTransfer',
    '低温快烧陶瓷釉料配方技术转让',
    90,
    'terminated',
  ),
  A(
    'match',
    '青岚华锐重型机械有限公司',
    '湘江工程技术大学',
    'jointRD',
    '大型矿用破碎设备轻量化设计联合研发',
    260,
    'landed',
  ),
  A(
    'match',
    '东临康泰医疗器械有限公司',
    '江东医科大学',
    'platform',
    '微创手术器械临床转化平台共建',
    500,
    'inProgress',
    {
      path: ['inProgress', 'stalled', 'inProgress'],
    },
  ),
  A('match', '青岚金盾五金制品有限公司', '江淮工业大学', 'jointRD', '五金工具表面强化处理联合研发', 60, 'completed'),
  A(
    'match',
    '青岚永泰精细化工有限公司',
    '楚天化工大学',
    'innovationCentre',
    '精细化工绿色合成技术创新中心',
    800,
    'stalled',
  ),
  A('match', '青岚宏远铸造有限公司', '湘江工程技术大学', 'techTransfer', '消失模铸造数字化工艺技术转让', 150, 'landed'),
  A('match', '青岚锦绣纺织服饰有限公司', '江东大学', 'talent', '纺织服装设计研究生工作站', 50, 'completed'),
  // 石墨烯产业大会: joint laboratories
  A('graphene', '青岚烯碳科技有限公司', '滨海石墨烯创新研究院', 'jointLab', '石墨烯导热膜联合实验室', 500, 'landed'),
  A(
    'graphene',
    '东临墨烯新材料有限公司',
    '东海材料科技大学',
    'jointLab',
    '石墨烯改性防腐涂料联合实验室',
    300,
    'inProgress',
  ),
  A('graphene', '青岚烯能电子材料有限公司', '太行能源大学', 'jointLab', '石墨烯基锂电导电剂联合实验室', 400, 'stalled'),
  A(
    'graphene',
    '青岚华创新材料科技股份有限公司',
    '东海材料科技大学',
    'jointLab',
    '石墨烯增强复合材料联合实验室',
    350,
    'landed',
  ),
  A(
    'graphene',
    '东临墨烯新材料有限公司',
    '江东省石墨烯产业联盟',
    'platform',
    '石墨烯产业公共检测平台共建',
    600,
    'inProgress',
  ),
  A(
    'graphene',
    '青岚锦绣纺织服饰有限公司',
    '滨海石墨烯创新研究院',
    'techTransfer',
    '石墨烯远红外发热面料技术转让',
    180,
    'completed',
  ),
  // 揭榜挂帅
  A(
    'challenge',
    '青岚精工机器人科技有限公司',
    '江淮工业大学',
    'challenge',
    '高精度协作机器人关节模组揭榜挂帅项目',
    1600,
    'inProgress',
    {
      note: '揭榜挂帅平台项目：计划研发投入1600万元，目标三年内实现技术服务收入3200万元；按里程碑分三期拨付。',
    },
  ),
  A(
    'challenge',
    '青岚星箭复合材料有限公司',
    '北方航天动力技术研究所',
    'challenge',
    '固体火箭发动机壳体复合材料缠绕成型攻关',
    600,
    'inProgress',
  ),
  A(
    'challenge',
    '青岚绿源生物基材料有限公司',
    '江东省生物基材料产业技术研究院',
    'challenge',
    '聚乳酸耐热改性揭榜挂帅项目',
    450,
    'landed',
  ),
  A(
    'challenge',
    '青岚钒能液流储能有限公司',
    '中科东临储能技术研究院',
    'challenge',
    '全钒液流电池电堆降本攻关',
    800,
    'stalled',
  ),
  A(
    'challenge',
    '东临晶测半导体设备有限公司',
    '蓉城电子科技大学',
    'challenge',
    '晶圆缺陷光学检测算法揭榜项目',
    300,
    'terminated',
  ),
  // 集成电路产教融合论坛
  A('ic', '青岚芯源微电子有限公司', '蓉城电子科技大学', 'jointLab', '功率半导体器件联合实验室', 400, 'inProgress'),
  A('ic', '青岚矽科封装测试有限公司', '东临职业技术学院', 'talent', '集成电路封装测试订单班', 60, 'landed'),
  A(
    'ic',
    '东临晶测半导体设备有限公司',
    '江东省集成电路设计创新研究院',
    'jointRD',
    '半导体量测设备运动控制系统联合研发',
    280,
    'inProgress',
  ),
  A(
    'ic',
    '青岚芯源微电子有限公司',
    '江东省集成电路设计创新研究院',
    'platform',
    'MCU芯片设计公共服务平台共建',
    700,
    'stalled',
  ),
  A('ic', '青岚矽科封装测试有限公司', '蓉城电子科技大学', 'techTransfer', '先进封装热仿真技术转让', 120, 'completed'),
  A('ic', '东临智感传感技术有限公司', '江东大学', 'jointRD', 'MEMS压力传感器芯片联合研发', 220, 'inProgress'),
  A('ic', '东临智感传感技术有限公司', '青岚职业技术学院', 'talent', '传感器产线技能人才定向培养', 50, 'signed'),
  // 科研院所招引项目集中签约
  A(
    'institutes',
    '青岚航宇精密机械有限公司',
    '北方兵器工业第三〇九研究所',
    'jointRD',
    '弹体精密结构件数字化加工联合研发',
    500,
    'inProgress',
  ),
  A(
    'institutes',
    '青岚德润环保装备有限公司',
    '国科化工研究院',
    'techTransfer',
    'VOCs催化燃烧装备技术转让',
    260,
    'inProgress',
  ),
  A(
    'institutes',
    '江东沃野农林装备有限公司',
    '江东省农业机械化研究所',
    'jointRD',
    '林果采收机械联合研发',
    180,
    'inProgress',
  ),
  A(
    'institutes',
    '江东天工智能制造有限公司',
    '国科智能制造研究院东临分院',
    'innovationCentre',
    '离散制造数字孪生技术创新中心',
    1000,
    'signed',
  ),
  A(
    'institutes',
    '东临禾丰生物科技股份有限公司',
    '江东省生物基材料产业技术研究院',
    'techTransfer',
    '秸秆制备生物基多元醇技术转让',
    320,
    'landed',
  ),
  A(
    'institutes',
    '青岚永泰精细化工有限公司',
    '国科化工研究院',
    'jointLab',
    '电子级湿化学品联合实验室',
    450,
    'inProgress',
  ),
  A('institutes', '东临数控机床股份有限公司', '湘江工程技术大学', 'talent', '高端数控人才实训基地', 80, 'signed'),
  A(
    'institutes',
    '青岚青禾智慧农业科技有限公司',
    '钟山农林大学',
    'platform',
    '智慧农机作业监测平台共建',
    300,
    'stalled',
  ),
  A(
    'institutes',
    '青岚安瑞医疗科技有限公司',
    '江东省医疗器械检验研究院',
    'platform',
    '医用电气设备检测公共服务平台共建',
    260,
    'inProgress',
  ),
  // 新型储能产业发展论坛 (signed two days ago)
  A('storage', '青岚蓝海储能科技有限公司', '太行能源大学', 'jointLab', '储能电池热管理联合实验室', 350, 'signed'),
  A(
    'storage',
    '东临钠科新能源有限公司',
    '中科东临储能技术研究院',
    'jointRD',
    '钠离子电池正极材料联合研发',
    600,
    'signed',
  ),
  A('storage', '青岚钒能液流储能有限公司', '东临市储能产业协会', 'platform', '储能电站安全监测平台共建', 200, 'signed'),
  A('storage', '青岚蓝海储能科技有限公司', '江淮工业大学', 'talent', '储能系统集成博士后工作站', 100, 'signed'),
  A(
    'storage',
    '青岚烯能电子材料有限公司',
    '中科东临储能技术研究院',
    'techTransfer',
    '石墨烯硅碳负极技术转让',
    500,
    'signed',
  ),
  A('storage', '东临钠科新能源有限公司', '太行能源大学', 'innovationCentre', '钠电储能技术创新中心', 1200, 'signed'),
  // Signed on their own, outside any ceremony
  A(null, '青岚华锐重型机械有限公司', '江东省机械工程学会', 'talent', '机械工程专家服务站', 50, 'completed', {
    signedOn: '2025-03-06',
  }),
  A(null, '青岚农丰机械制造有限公司', '江东省农业机械学会', 'platform', '农机装备科技服务平台', 150, 'landed', {
    signedOn: '2025-06-20',
  }),
  A(
    null,
    '东临谷丰粮油食品股份有限公司',
    '钟山农林大学',
    'jointRD',
    '稻米深加工副产物综合利用联合研发',
    200,
    'completed',
    { signedOn: '2025-07-15' },
  ),
  A(
    null,
    '青岚恒力智能装备有限公司',
    '国科智能制造研究院东临分院',
    'jointRD',
    '焊装产线视觉检测系统联合研发',
    280,
    'landed',
    { signedOn: '2025-10-28' },
  ),
  A(null, '东临精瓷科技有限公司', '江东省陶瓷工业研究所', 'jointLab', '先进结构陶瓷联合实验室', 300, 'stalled', {
    signedOn: '2025-11-12',
  }),
  A(
    null,
    '东临数控机床股份有限公司',
    '江淮工业大学',
    'innovationCentre',
    '五轴数控机床技术创新中心',
    1500,
    'inProgress',
    { signedOn: '2026-01-16' },
  ),
  A(null, '青岚步云鞋业有限公司', '楚天化工大学', 'techTransfer', '生物基鞋材发泡技术转让', 150, 'terminated', {
    signedOn: '2026-03-20',
    path: ['signed', 'terminated'],
  }),
  A(null, '东临康泰医疗器械有限公司', '江东大学', 'jointRD', '可降解骨科植入物联合研发', 400, 'inProgress', {
    signedOn: '2026-04-10',
  }),
  A(null, '青岚星箭复合材料有限公司', '秦川理工大学', 'jointLab', '航天复合材料结构联合实验室', 500, 'inProgress', {
    signedOn: '2026-06-18',
  }),
  A(null, '江东沃野农林装备有限公司', '江东省农业机械学会', 'talent', '农机领域专家服务团', null, 'inProgress', {
    signedOn: '2026-07-09',
    note: '框架协议，不涉及资金；学会每季度组织专家到企业服务一次。',
  }),
  A(null, '青岚瓷源陶瓷有限公司', '江东省陶瓷工业研究所', 'jointRD', '陶瓷窑炉余热回收联合研发', 120, 'signed', {
    signedOn: '2026-10-15',
  }),
];

// ---------------------------------------------------------------------------------------------
// Data lists: follow-up wording
// ---------------------------------------------------------------------------------------------

/** What happened at a follow-up, by the status move it records. {ent} {partner} {pct} {n} {wan} */
const FOLLOWUP_NOTES: Record<string, string[]> = {
  afterSigning: [
    '签约后电话回访{ent}，确认双方项目联系人，约定首次技术对接时间。',
    '与{ent}、{partner}三方电话沟通，落实签约后工作清单，明确任务书起草分工。',
    '签约后回访企业，企业已成立项目专班，由分管副总牵头推进。',
  ],
  waiting: [
    '电话了解进展：双方仍在细化合作任务书，{partner}技术负责人近期出差，首次对接推迟。',
    '走访{ent}，企业对合作内容有调整意向，建议尽快与{partner}会商定稿。',
    '合作合同正在双方法务审核，预计月底前完成盖章。',
  ],
  kickoff: [
    '召开项目启动会，{partner}派驻{n}名研发人员进驻企业，首期经费{wan}万元已拨付。',
    '赴{ent}现场对接，合作任务书已签署，研发团队完成组建，项目正式启动。',
    '{partner}专家团队赴企业开展技术诊断，形成问题清单{n}项，项目进入实施阶段。',
  ],
  progress: [
    '电话了解项目进展，企业反映推进顺利，暂无需协调事项。',
    '协调供电公司解决企业用电增容问题，项目实施不受影响。',
    '协助企业申报省级科技计划项目，申报材料已提交。',
  ],
  revive: [
    '召开项目圆桌会议，科技局、{partner}和{ent}三方协商调整合作方案，项目恢复推进。',
    '{partner}新任项目负责人到岗，与企业重新梳理任务分工，项目恢复实施。',
  ],
  landing: [
    '项目成果在{ent}落地转化，新产品已小批量生产，预计年新增产值{wan}万元。',
    '赴企业现场核实，合作成果已应用于生产线，产品良品率提升{n}个百分点。',
  ],
  landedProgress: [
    '回访落地项目运行情况，相关新产品累计实现销售收入{wan}万元。',
    '企业反映合作成效良好，双方正洽谈二期合作。',
    '协助企业将合作成果申报高新技术产品认定，已受理。',
  ],
  completion: [
    '项目通过双方联合验收，合同约定任务全部完成，形成发明专利{n}项。',
    '组织专家对项目进行结题验收，各项考核指标均已完成，同意结题。',
  ],
  closingReport: ['提交项目总结报告，合作经费全部执行完毕，项目结项归档。'],
  stalling: [
    '企业资金周转紧张，设备采购暂缓，项目进度停滞。',
    '{partner}项目负责人调离，研发团队未及时补位，项目推进受阻。',
    '双方在知识产权归属上存在分歧，补充协议未能达成一致。',
    '企业经营方向调整，对合作积极性下降，已两个月未开展实质性工作。',
  ],
  stalledStay: [
    '再次走访{ent}，企业表示资金问题短期内难以解决，申请延期半年。',
    '组织圆桌会议协调分歧，双方原则同意再议，暂未形成书面方案。',
    '电话联系{partner}，对方表示待新负责人到岗后重新对接。',
  ],
  termination: [
    '经双方协商一致解除合作协议，已拨付经费按实结算，项目终止。',
    '企业主营业务调整，书面申请终止合作，经专题会议研究同意终止。',
  ],
};

/** Progress notes that depend on the kind of agreement. */
const PROGRESS_BY_KIND: Record<string, string[]> = {
  jointLab: [
    '赴{ent}查看联合实验室建设进度，场地改造已完成，仪器设备到位{pct}%。',
    '联合实验室首批{n}台（套）设备完成安装调试，双方确定首批研究课题3项。',
  ],
  innovationCentre: [
    '创新中心完成注册登记和章程制定，已引进研发人员{n}名。',
    '参加创新中心理事会，审议年度研发计划，场地装修完成{pct}%。',
  ],
  techTransfer: [
    '走访企业查看技术转化情况，中试线建设进度约{pct}%，关键设备已到厂。',
    '{partner}技术人员驻厂指导工艺调试，样品已试制{n}批次，良品率逐步提升。',
  ],
  jointRD: [
    '赴企业现场查看中试线建设进度，设备已到位{pct}%。',
    '参加项目季度推进会，样机完成第{n}轮测试，部分指标尚未达标，双方商定优化方案。',
    '电话了解研发进展，已联合申请发明专利{n}项。',
  ],
  talent: [
    '走访企业了解人才合作情况，{partner}已派驻{n}名教师和研究生驻企工作。',
    '首批学员已进站（班），企业导师配备到位，课程完成{pct}%。',
  ],
  platform: [
    '平台建设进展：场地装修完成{pct}%，已对接服务企业{n}家。',
    '参加平台建设推进会，明确运营团队和收费标准，仪器设备采购完成招标。',
  ],
  challenge: [
    '赴企业了解揭榜挂帅项目攻关进展，阶段性技术指标完成{pct}%，研发经费已到位{wan}万元。',
    '组织专家对揭榜项目开展里程碑检查，关键技术路线可行，建议加快样机试制。',
  ],
};

const LANDING_BY_KIND: Record<string, string> = {
  jointLab: '联合实验室揭牌运行，首批研究成果已在{ent}产线应用。',
  innovationCentre: '技术创新中心正式揭牌运行，已承接企业委托研发项目{n}项。',
  techTransfer: '技术转让完成交割，企业产线改造完成并通过验收，进入试生产。',
  jointRD: '联合研发样机通过用户试用，{ent}已完成小批量试制并取得首批订单。',
  talent: '首批定向培养学员{n}人已入职企业，人才合作机制正式运行。',
  platform: '平台正式挂牌运行，已为{n}家企业提供检测和技术服务。',
  challenge: '攻关样机通过第三方测试，主要技术指标达到榜单要求，成果在企业落地转化。',
};

/** Talent agreements train people rather than build products: their own start and finish. */
const TALENT_NOTES: Record<string, string[]> = {
  kickoff: [
    '召开项目启动会，{partner}与企业签订人才培养实施细则，首批{n}名学员（专家）名单确定。',
    '赴{ent}对接人才合作事项，双方明确导师名单和培养计划，合作正式启动。',
  ],
  completion: ['合作期满，累计培养（服务）人才{n}0余人次，双方联合总结验收。'],
};

const TALENT_STEPS: Record<string, string[]> = {
  kickoff: ['跟进首批学员（专家）进站情况'],
  landing: ['跟踪人才留用情况', '总结校企合作育人经验'],
  landedProgress: ['跟踪人才留用情况', '洽谈扩大培养规模'],
};

const NEXT_STEPS: Record<string, string[]> = {
  afterSigning: ['督促双方尽快签订合作任务书', '协调召开项目启动会'],
  waiting: ['跟进合同审核进度', '督促双方尽快签订合作任务书', '协调召开项目启动会'],
  kickoff: ['跟进设备采购和安装进度', '协调落实研发场地'],
  progress: ['督促拨付第二期经费', '组织中期检查', '协助申报省级科技项目'],
  revive: ['按调整后方案跟进实施进度', '每月电话了解进展'],
  landing: ['跟踪产值和效益情况', '协助企业申报高新技术产品'],
  landedProgress: ['跟踪产值和效益情况', '洽谈二期合作', '总结典型案例上报'],
  completion: ['整理验收材料，提交项目总结报告'],
  closingReport: ['项目归档，纳入年度成果转化统计'],
  stalling: ['提请召开圆桌会议协调', '报分管领导协调解决', '督促企业提交书面推进计划'],
  stalledStay: ['提请召开圆桌会议协调', '报分管领导协调解决', '视情况研究是否终止合作'],
  termination: ['办理终止备案，从台账移出'],
};

/** Next steps while a project is under way, by kind of agreement (added to NEXT_STEPS.progress). */
const PROGRESS_STEPS_BY_KIND: Record<string, string[]> = {
  jointLab: ['跟进实验室设备安装调试进度', '督促确定首批联合研究课题'],
  innovationCentre: ['跟进研发人员引进情况', '督促召开创新中心理事会'],
  techTransfer: ['跟进中试线调试进度', '督促企业完成工艺验证'],
  jointRD: ['跟进样机测试结果', '督促完成阶段性技术指标'],
  talent: ['了解学员培养和留用情况', '协调企业导师配备'],
  platform: ['跟进平台运营和服务企业情况', '督促完成仪器设备验收'],
  challenge: ['跟进里程碑考核准备情况', '督促研发经费按期到位'],
};

/** The kind of a follow-up when its note does not say (see kindOfNote). */
const FOLLOWUP_KINDS: Record<string, Record<string, number>> = {
  afterSigning: { call: 1 },
  waiting: { call: 2, visit: 1 },
  kickoff: { meeting: 2, visit: 1 },
  progress: { visit: 5, call: 3, meeting: 1, report: 1 },
  revive: { meeting: 1 },
  landing: { visit: 2, report: 1 },
  landedProgress: { visit: 2, call: 2, report: 1 },
  completion: { report: 2, meeting: 1 },
  closingReport: { report: 1 },
  stalling: { visit: 2, meeting: 1 },
  stalledStay: { meeting: 2, call: 1 },
  termination: { meeting: 1, report: 1 },
};

/** How many follow-ups an agreement in this status has (capped by the time since signing). */
const FOLLOWUP_COUNT: Record<string, [number, number]> = {
  signed: [1, 2],
  inProgress: [2, 5],
  landed: [3, 6],
  completed: [4, 6],
  stalled: [3, 5],
  terminated: [3, 5],
};

/** The usual path of statuses that the follow-ups record on the way to the current status. */
const STATUS_PATHS: Record<string, string[]> = {
  signed: ['signed'],
  inProgress: ['inProgress'],
  landed: ['inProgress', 'landed'],
  completed: ['inProgress', 'landed', 'completed'],
  stalled: ['inProgress', 'stalled'],
  terminated: ['inProgress', 'stalled', 'terminated'],
};

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive one seed per section from its name. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  private next: () => number;
  constructor(label: string) {
    this.next = mulberry32(hashString(`huiwu-seed:${label}`));
  }
  float(): number {
    return this.next();
  }
  /** integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)];
  }
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [key, w] of entries) {
      if ((r -= w) < 0) return key;
    }
    return entries[entries.length - 1][0];
  }
  shuffle<T>(list: readonly T[]): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates (all arithmetic on calendar dates in UTC, so the machine's time zone never matters)
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const addDays = (date: string, days: number) => new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);
const weekday = (date: string) => new Date(dayNumber(date) * DAY_MS).getUTCDay();
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** minutes after midnight -> 'HH:MM' */
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
/** A Beijing-time wall clock as a stored ISO UTC string. */
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const randomTime = (rng: Rng, from: string, to: string, step = 5) => {
  const [fh, fm] = from.split(':').map(Number);
  const [th, tm] = to.split(':').map(Number);
  const start = fh * 60 + fm;
  const steps = Math.floor((th * 60 + tm - start) / step);
  return clock(start + rng.int(0, steps) * step);
};
const randomDate = (rng: Rng, from: string, to: string) =>
  addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
/** Move a weekend date back to Friday, unless that falls before `floor`, then on to Monday. */
function workday(date: string, floor: string, ceiling: string): string {
  const day = weekday(date);
  if (day !== 0 && day !== 6) return date;
  const back = addDays(date, day === 6 ? -1 : -2);
  if (back >= floor) return back;
  const forward = addDays(date, day === 6 ? 2 : 1);
  return forward <= ceiling ? forward : date;
}
const clampNow = (iso: string) => (iso > NOW ? NOW : iso);

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

type Row = Record<string, unknown> & { id: number; createdAt: string; updatedAt: string };
type Values = Record<string, unknown>;

const COLLECTIONS = [
  'organizations',
  'summits',
  'series',
  'lectures',
  'ceremonies',
  'attendees',
  'agreements',
  'followups',
];
const db: Record<string, Row[]> = Object.fromEntries(COLLECTIONS.map((name) => [name, []]));

/**
 * Appends a record with exactly the schema's fields (absent ones as null), a numeric id and
 * its timestamps; refuses fields the schema does not know.
 */
function addRecord(name: string, values: Values, createdAt: string, updatedAt: string): Row {
  const resource = resourceByName[name];
  if (!resource) throw new Error(`no resource named ${name} in the schema`);
  const known = new Set(resource.fields.map((field) => field.source));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) throw new Error(`${name}: the generator sets "${key}", which the schema does not have`);
  }
  const rows = db[name];
  const created = clampNow(createdAt);
  const updated = clampNow(updatedAt < created ? created : updatedAt);
  const row = { id: rows.length + 1 } as Row;
  for (const field of resource.fields) row[field.source] = values[field.source] ?? null;
  row.createdAt = created;
  row.updatedAt = updated;
  rows.push(row);
  return row;
}

// ---------------------------------------------------------------------------------------------
// People: names, phones, e-mails (unique across the whole seed)
// ---------------------------------------------------------------------------------------------

const usedNames = new Set<string>([...OFFICERS, ...FAMOUS]);
const usedPhones = new Set<string>();
const usedEmails = new Set<string>();

function newName(rng: Rng): { name: string; pinyin: string } {
  for (;;) {
    const surname = rng.pick(SURNAMES);
    const parts = [surname, rng.pick(GIVEN)];
    if (rng.chance(0.65)) parts.push(rng.pick(GIVEN));
    if (parts.length === 3 && parts[1][0] === parts[2][0]) continue;
    const name = parts.map((p) => p[0]).join('');
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    return { name, pinyin: parts.map((p) => p.slice(1)).join('') };
  }
}

function newMobile(rng: Rng): string {
  for (;;) {
    const phone = rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);
    if (!usedPhones.has(phone)) {
      usedPhones.add(phone);
      return phone;
    }
  }
}

function newLandline(rng: Rng): string {
  for (;;) {
    const phone = `${AREA_CODE}-${rng.pick(['6', '8'])}${pad(rng.int(0, 9_999_999), 7)}`;
    if (!usedPhones.has(phone)) {
      usedPhones.add(phone);
      return phone;
    }
  }
}

function newEmail(local: string, domain: string): string {
  for (let n = 1; ; n++) {
    const email = `${local}${n === 1 ? '' : n}@${domain}`;
    if (!usedEmails.has(email)) {
      usedEmails.add(email);
      return email;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Organizations
// ---------------------------------------------------------------------------------------------

interface OrgInfo {
  row: Row;
  name: string;
  kind: string;
  industry: string | null;
  city: string;
  domain: string | null;
  vocational: boolean;
}

const orgs: OrgInfo[] = [];
const orgByName = new Map<string, OrgInfo>();

function org(name: string): OrgInfo {
  const found = orgByName.get(name);
  if (!found) throw new Error(`unknown organization in the data lists: ${name}`);
  return found;
}

function buildOrganizations() {
  const rng = new Rng('organizations');
  const stamp = (i: number) => at(addDays('2025-01-06', Math.floor(i / 20)), clock(9 * 60 + (i % 20) * 7));
  const add = (values: Values, domain: string | null) => {
    const i = orgs.length;
    const created = stamp(i);
    const updated = rng.chance(0.3)
      ? at(randomDate(rng, '2025-02-01', '2026-11-20'), randomTime(rng, '09:00', '17:30'))
      : created;
    const row = addRecord('organizations', values, created, updated);
    const info: OrgInfo = {
      row,
      name: values.name as string,
      kind: values.kind as string,
      industry: (values.industry as string | null) ?? null,
      city: values.city as string,
      domain,
      vocational: /职业技术学院/.test(values.name as string),
    };
    orgs.push(info);
    orgByName.set(info.name, info);
  };

  // Contacts are filled in later for enterprises (their own people); others get a named contact now.
  for (const [name, industry, city, domain] of ENTERPRISES) {
    const park = rng.pick(PARKS[city]);
    const note = rng.chance(0.6) ? rng.pick(ENTERPRISE_NOTES).replace('{n}', String(rng.int(2, 18))) : null;
    add(
      { name, kind: 'enterprise', industry, city, address: `${park}${rng.pick(ROADS)}${rng.int(1, 300)}号`, note },
      domain,
    );
  }
  for (const [name, industry, city, domain, address] of UNIVERSITIES) {
    const contact = newName(rng);
    add(
      {
        name,
        kind: 'university',
        industry,
        city,
        contact: contact.name,
        phone: newMobile(rng),
        email: newEmail('kjc', domain),
        address,
        note: /职业技术学院/.test(name) ? '高职院校，产教融合型院校' : '联系部门：科学技术处（成果转化办公室）',
      },
      domain,
    );
  }
  for (const [name, industry, city, domain, address] of INSTITUTES) {
    const contact = newName(rng);
    add(
      {
        name,
        kind: 'institute',
        industry,
        city,
        contact: contact.name,
        phone: rng.chance(0.5) ? newMobile(rng) : newLandline(rng),
        email: newEmail('office', domain),
        address,
        note: INSTITUTE_NOTES[name] ?? null,
      },
      domain,
    );
  }
  for (const [name, kind, industry, city, address] of OTHER_ORGS) {
    const contact = newName(rng);
    add(
      {
        name,
        kind,
        industry,
        city,
        contact: contact.name,
        phone: kind === 'government' || kind === 'media' ? newLandline(rng) : newMobile(rng),
        address,
        note: name === '青岚市科学技术协会' ? '智能制造高峰论坛承办单位，会务组设在5号楼502室' : null,
      },
      null,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The people who attend events and give lectures (not a collection: attendee rows copy them)
// ---------------------------------------------------------------------------------------------

interface Person {
  name: string;
  pinyin: string;
  role: Role;
  title: string;
  org: OrgInfo | null;
  industry: string | null;
  phone: string | null;
  email: string | null;
  /** where the person works; null when they come in their own name (locals) */
  city: string | null;
  /** note for the intelligent-manufacturing summit (hometown academicians) */
  honour?: string;
}

const people: Person[] = [];
const peopleByRole = (role: Role) => people.filter((p) => p.role === role);

function addPerson(rng: Rng, role: Role, title: string, o: OrgInfo | null, emailChance: number): Person {
  const { name, pinyin } = newName(rng);
  const email = o?.domain && rng.chance(emailChance) ? newEmail(pinyin, o.domain) : null;
  const person: Person = {
    name,
    pinyin,
    role,
    title,
    org: o,
    industry: o?.industry ?? null,
    phone: newMobile(rng),
    email,
    city: o?.city ?? null,
  };
  people.push(person);
  return person;
}

function buildPeople() {
  const rng = new Rng('people');
  const research = orgs.filter((o) => (o.kind === 'university' || o.kind === 'institute') && !o.vocational);

  for (const h of HOMETOWN_ACADEMICIANS) {
    addPerson(rng, 'academician', h.title, org(h.org), 0.5).honour = h.note;
  }
  // Academicians work at national universities and institutes, none of them near 青岚.
  const academicianHomes = research.filter((o) => !LOCAL_CITIES.includes(o.city));
  for (let i = 0; i < 32; i++) {
    addPerson(rng, 'academician', rng.pick(ACADEMICIAN_TITLES), academicianHomes[i % academicianHomes.length], 0.5);
  }
  for (const o of orgs) {
    if (o.kind === 'university') {
      const titles = o.vocational ? EXPERT_TITLES.vocational : EXPERT_TITLES.university;
      for (let i = rng.int(4, 7); i > 0; i--) addPerson(rng, 'expert', rng.pick(titles), o, 0.6);
    } else if (o.kind === 'institute') {
      for (let i = rng.int(3, 6); i > 0; i--) addPerson(rng, 'expert', rng.pick(EXPERT_TITLES.institute), o, 0.6);
    } else if (o.kind === 'association') {
      const titles = rng.shuffle(EXPERT_TITLES.association);
      for (let i = rng.int(1, 2); i > 0; i--) addPerson(rng, 'expert', titles[i - 1], o, 0.2);
    }
  }
  // Entrepreneurs: each firm's head, often with a deputy; the deputy (or head) is the firm's contact.
  for (const o of orgs.filter((x) => x.kind === 'enterprise')) {
    const head = addPerson(rng, 'entrepreneur', rng.pick(OWNER_TITLES), o, 0.35);
    const deputy = rng.chance(0.45) ? addPerson(rng, 'entrepreneur', rng.pick(MANAGER_TITLES), o, 0.5) : null;
    const contact = deputy ?? head;
    o.row.contact = contact.name;
    o.row.phone = contact.phone;
    o.row.email = contact.email ?? (rng.chance(0.5) && o.domain ? newEmail('office', o.domain) : null);
  }
  for (const [o, title] of OFFICIALS) addPerson(rng, 'official', title, org(o), 0.1);
  for (const [o, title] of STAFF) addPerson(rng, 'staff', title, org(o), 0);
  for (const [o, title] of MEDIA) addPerson(rng, 'media', title, org(o), 0);
  for (const [o, title] of GUESTS) addPerson(rng, 'guest', title, o ? org(o) : null, 0);
}

// ---------------------------------------------------------------------------------------------
// Summits, series, ceremonies
// ---------------------------------------------------------------------------------------------

const summitByKey = new Map<string, { spec: SummitSpec; row: Row }>();
const seriesByKey = new Map<string, Row>();
const ceremonyByKey = new Map<string, Row>();

function buildSummits() {
  const rng = new Rng('summits');
  for (const spec of SUMMITS) {
    const created = at(spec.createdOn, randomTime(rng, '09:00', '17:00'));
    const updated =
      spec.status === 'finished'
        ? at(addDays(spec.endsOn, rng.int(2, 6)), randomTime(rng, '09:00', '17:00'))
        : spec.status === 'ongoing'
          ? at(TODAY, '08:05')
          : at(addDays(TODAY, -rng.int(1, 6)), randomTime(rng, '09:00', '18:00'));
    const { key, createdOn, industries, hotels, trainStations, guests, ...values } = spec;
    // summits still to come take replies on the guests' own pages until a week before
    const replies =
      spec.startsOn > TODAY
        ? { replyBy: addDays(spec.startsOn, -7), remindDays: 3, contact: '市科协会务组 王老师 0571-8712 3456' }
        : {};
    const row = addRecord('summits', { ...values, ...replies }, created, updated);
    summitByKey.set(key, { spec, row });
  }
}

function buildSeries() {
  for (const [i, s] of SERIES.entries()) {
    const { key, ...values } = s;
    seriesByKey.set(
      key,
      addRecord('series', values, at('2025-01-06', clock(10 * 60 + i * 3)), at('2026-01-05', clock(9 * 60 + i * 11))),
    );
  }
}

function buildCeremonies() {
  const rng = new Rng('ceremonies');
  for (const spec of CEREMONIES) {
    const summit = spec.summit ? summitByKey.get(spec.summit)!.row : null;
    const created = at(addDays(spec.heldOn, -rng.int(12, 25)), randomTime(rng, '09:00', '17:00'));
    const updated =
      spec.heldOn < TODAY
        ? at(addDays(spec.heldOn, 1), randomTime(rng, '09:00', '12:00'))
        : at(addDays(TODAY, -2), '16:40');
    const row = addRecord(
      'ceremonies',
      {
        title: spec.title,
        summitId: summit?.id ?? null,
        heldOn: spec.heldOn,
        venue: spec.venue,
        host: spec.host,
        note: spec.note,
      },
      created,
      updated,
    );
    ceremonyByKey.set(spec.key, row);
  }
}

// ---------------------------------------------------------------------------------------------
// Attendees
// ---------------------------------------------------------------------------------------------

interface Attending {
  person: Person;
  row: Row;
}
const attendeesBySummit = new Map<string, Attending[]>();

/** Who is invited to a summit, by role: industry matches first, then anyone. */
function guestList(rng: Rng, spec: SummitSpec): Person[] {
  const chosen: Person[] = [];
  const matches = (p: Person) => !spec.industries || (p.industry !== null && spec.industries.includes(p.industry));
  for (const [role, count] of Object.entries(spec.guests) as [Role, number][]) {
    let pool = rng.shuffle(peopleByRole(role));
    if (role === 'academician' && spec.key === 'im2026')
      pool = [...pool.filter((p) => p.honour), ...pool.filter((p) => !p.honour)];
    else if (role === 'staff')
      pool = [...pool.filter((p) => p.title === '接站组'), ...pool.filter((p) => p.title !== '接站组')];
    else if (role === 'official')
      pool = [...pool].sort(
        (a, b) => OFFICIALS.findIndex(([, t]) => t === a.title) - OFFICIALS.findIndex(([, t]) => t === b.title),
      );
    else if (role === 'expert' && spec.kind === 'matchmaking')
      pool = [...pool.filter((p) => p.org?.kind === 'university'), ...pool.filter((p) => p.org?.kind !== 'university')];
    else pool = [...pool.filter(matches), ...pool.filter((p) => !matches(p))];
    chosen.push(...pool.slice(0, count));
  }
  // Protocol order, which is also seating order: hometown academicians, leading officials, the rest.
  const rank = (p: Person) => (p.honour ? 0 : p.role === 'official' && PLATFORM_TITLES.has(p.title) ? 1 : 2);
  return chosen
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

type Phase = 'past' | 'upcoming' | 'planning';
const phaseOf = (spec: SummitSpec): Phase =>
  spec.status === 'finished' || spec.status === 'ongoing'
    ? 'past'
    : spec.status === 'inviting'
      ? 'upcoming'
      : 'planning';

function invitationFor(rng: Rng, person: Person, phase: Phase): string {
  if (phase === 'planning') return rng.weighted({ toInvite: 3, invited: 1 });
  if (phase === 'past') {
    if (person.role === 'staff' || person.role === 'official') return 'checkedIn';
    return rng.weighted({ checkedIn: 82, declined: 10, absent: 8 });
  }
  if (person.role === 'staff' || person.honour) return 'confirmed';
  if (person.role === 'official') return rng.weighted({ confirmed: 4, invited: 1 });
  return rng.weighted({ confirmed: 60, invited: 18, toInvite: 7, declined: 15 });
}

/** Seat labels: the platform for academicians and leading officials, zones for the rest. */
class SeatPlan {
  private next: Record<string, number> = {};
  assign(person: Person): string | null {
    const zone =
      person.role === 'academician' || (person.role === 'official' && PLATFORM_TITLES.has(person.title))
        ? '主席台'
        : person.role === 'expert'
          ? 'A区'
          : person.role === 'entrepreneur'
            ? 'B区'
            : person.role === 'media'
              ? '媒体席'
              : person.role === 'staff'
                ? null
                : 'C区';
    if (!zone) return null;
    const n = (this.next[zone] = (this.next[zone] ?? 0) + 1);
    if (zone === '媒体席') return `媒体席${pad(n)}号`;
    const perRow = zone === '主席台' ? 16 : 20;
    return `${zone}${Math.ceil(n / perRow)}排${pad(((n - 1) % perRow) + 1)}号`;
  }
}

/** Hotel rooms, unique per hotel for one summit. */
class RoomPlan {
  private used = new Set<string>();
  assign(rng: Rng, hotel: string): string {
    for (;;) {
      const room = `${rng.int(3, 16)}${pad(rng.int(1, 36))}`;
      if (!this.used.has(`${hotel}/${room}`)) {
        this.used.add(`${hotel}/${room}`);
        return room;
      }
    }
  }
}

/** How far a person travels to a summit: same city, the neighbouring city, or further. */
type Distance = 'local' | 'nearby' | 'far';
const distanceTo = (spec: SummitSpec, person: Person): Distance =>
  person.city === null || person.city === spec.city ? 'local' : LOCAL_CITIES.includes(person.city) ? 'nearby' : 'far';

/** Arrival and departure of one guest from out of town (far: train or plane; nearby: mostly by car). */
function travelPlan(rng: Rng, spec: SummitSpec, pickupStaff: string[], distance: Distance): Values {
  const mode =
    distance === 'nearby' ? rng.weighted({ car: 80, train: 20 }) : rng.weighted({ train: 60, flight: 30, car: 10 });
  const early = rng.chance(distance === 'nearby' ? 0.2 : 0.75);
  const day = early ? addDays(spec.startsOn, -1) : spec.startsOn;
  const time = early ? randomTime(rng, '10:00', '22:30') : randomTime(rng, '06:30', '08:20');
  const arrivalAt = at(day, time);
  const departure = rng.weighted({ last: 70, after: 20, first: 10 });
  const departureAt =
    departure === 'last'
      ? at(spec.endsOn, randomTime(rng, '13:00', '20:30'))
      : departure === 'after'
        ? at(addDays(spec.endsOn, 1), randomTime(rng, '07:30', '11:00'))
        : at(spec.startsOn, randomTime(rng, '17:30', '21:00'));
  if (mode === 'car') {
    return { arrivalAt, arrivalMode: 'car', arrivalNumber: null, arrivalStation: null, pickupBy: null, departureAt };
  }
  const arrivalNumber =
    mode === 'train'
      ? `${rng.weighted({ G: 85, D: 15 })}${rng.int(101, 9399)}`
      : `${rng.pick(['MU', 'CA', 'CZ', 'HU', '3U', 'ZH', 'MF', 'FM'])}${rng.int(1001, 9899)}`;
  const arrivalStation =
    mode === 'flight'
      ? rng.pick(AIRPORTS)
      : distance === 'nearby'
        ? spec.trainStations[0]
        : rng.pick(spec.trainStations);
  return { arrivalAt, arrivalMode: mode, arrivalNumber, arrivalStation, pickupBy: rng.pick(pickupStaff), departureAt };
}

/** Hotel nights from an arrival to a departure, counted in Beijing days. */
function nightsBetween(arrival: string, departure: string): number {
  const day = (iso: string) => Math.floor((Date.parse(iso) + 8 * 3600_000) / 86_400_000);
  return Math.max(0, day(departure) - day(arrival));
}

/** A plate for a driver's car, the same every run: 苏M and five characters from the name. */
function carOf(driver: string): string {
  const code = [...driver].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 99991, 7);
  return `苏M·${String(code).padStart(5, '0')}`;
}

function attendeeValues(
  rng: Rng,
  spec: SummitSpec,
  summitRow: Row,
  person: Person,
  ctx: { seats: SeatPlan; rooms: RoomPlan; pickupStaff: string[] },
) {
  const phase = phaseOf(spec);
  const invitation = invitationFor(rng, person, phase);
  const attends = ['confirmed', 'checkedIn', 'absent'].includes(invitation);
  const values: Values = {
    summitId: summitRow.id,
    name: person.name,
    organizationId: person.org?.row.id ?? null,
    title: person.title,
    role: person.role,
    phone: person.phone,
    email: person.email,
    emailBouncing: false,
    invitation,
    certificate: (person.role === 'academician' || person.role === 'expert') && invitation !== 'declined',
  };
  const notes: string[] = [];
  if (person.honour && spec.key === 'im2026') notes.push(person.honour);

  if (person.role !== 'staff' && (invitation === 'declined' || attends)) {
    values.repliedOn =
      phase === 'past' ? addDays(spec.startsOn, -rng.int(4, 25)) : randomDate(rng, '2026-10-20', addDays(TODAY, -1));
  }
  if (invitation === 'declined') {
    const reasons =
      person.org?.kind === 'university' ? DECLINE_REASONS : DECLINE_REASONS.filter((r) => !r.includes('学校'));
    notes.push(`婉拒：${rng.pick(reasons)}`);
  }
  if (invitation === 'absent') notes.push('已确认参会，当天临时有事未能到会');
  if (attends) values.seat = ctx.seats.assign(person);

  const distance = distanceTo(spec, person);
  const travels =
    attends &&
    invitation !== 'absent' &&
    distance !== 'local' &&
    (['academician', 'expert', 'entrepreneur', 'guest'].includes(person.role) ||
      (person.role === 'official' && distance === 'nearby'));
  if (travels) {
    if (phase === 'upcoming' && rng.chance(0.1)) {
      notes.push('行程待确认，已短信提醒');
    } else {
      const plan = travelPlan(rng, spec, ctx.pickupStaff, distance);
      Object.assign(values, plan);
      // whoever comes by train or plane is met at the station; drivers find their own way
      values.needsPickup = plan.arrivalMode !== 'car';
      // Those who drive over from the neighbouring city on the day need no room.
      if (distance === 'far' || (plan.arrivalAt as string) < at(spec.startsOn, '00:00')) {
        const hotel = person.role === 'academician' ? spec.hotels[0] : rng.pick(spec.hotels.slice(1));
        values.hotel = hotel;
        values.room = ctx.rooms.assign(rng, hotel);
        values.nights = nightsBetween(plan.arrivalAt as string, plan.departureAt as string);
      }
    }
  }
  if (invitation === 'checkedIn') {
    const multiDay = spec.endsOn > spec.startsOn;
    const day = multiDay && person.role !== 'staff' && rng.chance(0.08) ? addDays(spec.startsOn, 1) : spec.startsOn;
    const arrivedAt = values.arrivalAt as string | undefined;
    const time = person.role === 'staff' ? randomTime(rng, '07:00', '07:30') : randomTime(rng, '07:40', '09:10', 1);
    // Someone who arrives on the morning train checks in some 45 minutes after arriving.
    const afterArrival = arrivedAt ? new Date(Date.parse(arrivedAt) + 45 * 60_000).toISOString() : '';
    values.checkedInAt = maxDate(at(day, time), afterArrival);
  }
  if (values.arrivalAt && rng.chance(0.12)) {
    const scholar = person.role === 'academician' || person.role === 'expert';
    const fitting = ATTENDEE_NOTES.filter(
      (n) => !(values.arrivalMode === 'car' && n.includes('送站')) && (scholar || !/报销|发言稿/.test(n)),
    );
    notes.push(rng.pick(fitting));
  }
  values.note = notes.length ? notes.join('；') : null;
  // a few dietary needs, drawn apart so that the rest of the list stays as it was
  const diets = new Rng(`diet:${spec.key}:${person.name}`);
  if (attends && diets.chance(0.08)) values.diet = diets.pick(['清真', '素食', '不吃辣', '海鲜过敏']);
  // each driver keeps one car; certificates carry the name as written, academicians' by hand
  if (values.pickupBy) values.pickupCar = carOf(values.pickupBy as string);
  const certified = values.certificate === true;
  values.certificateName = certified ? person.name : null;
  values.honour = certified && person.honour && spec.key === 'im2026' ? person.honour : null;
  values.handwritten = certified && person.role === 'academician';
  values.certificatePrinted = certified && phase !== 'upcoming';
  values.certificateDelivered = certified && phase === 'past' && invitation === 'checkedIn';
  return values;
}

function buildAttendees() {
  for (const spec of SUMMITS) {
    const rng = new Rng(`attendees:${spec.key}`);
    const summitRow = summitByKey.get(spec.key)!.row;
    const list = guestList(rng, spec);
    const pickupStaff = list.filter((p) => p.title === '接站组').map((p) => p.name);
    if (pickupStaff.length === 0) pickupStaff.push(...list.filter((p) => p.role === 'staff').map((p) => p.name));
    if (pickupStaff.length === 0) pickupStaff.push(peopleByRole('staff')[0].name);
    const ctx = { seats: new SeatPlan(), rooms: new RoomPlan(), pickupStaff };
    const attending: Attending[] = [];
    const listCreated = addDays(spec.createdOn, rng.int(3, 10));
    for (const [i, person] of list.entries()) {
      const values = attendeeValues(rng, spec, summitRow, person, ctx);
      const created = at(listCreated, clock(9 * 60 + 30 + Math.floor(i / 4)));
      const changes = [created];
      if (values.repliedOn) changes.push(at(values.repliedOn as string, randomTime(rng, '09:00', '18:00')));
      if (values.arrivalAt && phaseOf(spec) === 'upcoming') {
        changes.push(
          at(
            minDate(addDays(values.repliedOn as string, rng.int(1, 8)), addDays(TODAY, -1)),
            randomTime(rng, '09:00', '18:00'),
          ),
        );
      }
      if (values.checkedInAt) changes.push(values.checkedInAt as string);
      const updated = changes.reduce((a, b) => (a > b ? a : b));
      attending.push({ person, row: addRecord('attendees', values, created, updated) });
    }
    attendeesBySummit.set(spec.key, attending);
  }
}

// ---------------------------------------------------------------------------------------------
// Lectures
// ---------------------------------------------------------------------------------------------

/** Fields close enough for a speaker to cover a lecture on the other. */
const RELATED_INDUSTRIES: Record<string, string[]> = {
  bioMaterials: ['chemicals'],
  graphene: ['newMaterials'],
  energyStorage: ['newMaterials', 'chemicals'],
  intelligentManufacturing: ['highEndEquipment'],
};

function chooseSpeaker(rng: Rng, spec: LectureSpec, used: Set<string>): Person {
  const fields = [spec.industry, ...(RELATED_INDUSTRIES[spec.industry] ?? [])];
  const fits = (p: Person) => spec.industry === 'other' || (p.industry !== null && fields.includes(p.industry));
  const fresh = (list: Person[]) => {
    const unused = list.filter((p) => !used.has(p.name));
    return unused.length ? unused : list;
  };
  const best = (list: Person[]) => {
    const pool = fresh(list);
    // General topics (policy, IP, transfer) go to people who run research offices or faculties.
    const managers = pool.filter((p) => /处长|院长|所长/.test(p.title));
    const fitting = spec.industry === 'other' && managers.length ? managers : pool.filter(fits);
    return rng.pick(fitting.length ? fitting : pool);
  };
  const hometown = people.filter((p) => p.honour);
  if (spec.speaker === 'hometown') return hometown[0];
  if (spec.speaker === 'hometown2') return hometown[1];
  if (spec.speaker.startsWith('org:')) {
    return people.find((p) => p.org?.name === spec.speaker.slice(4) && p.role === 'entrepreneur')!;
  }
  if (spec.speaker.startsWith('official:')) {
    const name = spec.speaker.slice(9);
    return best(people.filter((p) => p.role === 'official' && p.org?.name === name && p.title !== '局长'));
  }
  // Summit sessions are given by people attending that summit.
  const candidates = spec.summit
    ? attendeesBySummit
        .get(spec.summit)!
        .filter((a) => ['confirmed', 'checkedIn'].includes(a.row.invitation as string))
        .map((a) => a.person)
    : people;
  if (spec.speaker.startsWith('seminar:')) {
    const industries = spec.speaker.slice(8).split(',');
    const pool = candidates.filter(
      (p) => p.industry && industries.includes(p.industry) && (p.role === 'academician' || p.role === 'expert'),
    );
    const academicians = pool.filter((p) => p.role === 'academician');
    return rng.pick(academicians.length ? academicians : pool);
  }
  const role = spec.speaker as Role;
  const ofRole = candidates.filter((p) => p.role === role);
  return best(ofRole.length ? ofRole : candidates.filter((p) => p.role === 'expert'));
}

function audienceFor(rng: Rng, kind: string): number {
  if (kind === 'keynote') return rng.int(30, 60) * 10;
  if (kind === 'seminar') return rng.int(35, 90);
  if (kind === 'visit') return rng.int(25, 60);
  return rng.int(8, 26) * 10;
}

function buildLectures() {
  const rng = new Rng('lectures');
  const used = new Set<string>();
  const specs = [...LECTURES].sort((a, b) => (a.on + a.time + a.title < b.on + b.time + b.title ? -1 : 1));
  for (const spec of specs) {
    const speaker = chooseSpeaker(rng, spec, used);
    used.add(speaker.name);
    const startsAt = at(spec.on, spec.time);
    const past = spec.on < TODAY;
    const created = at(addDays(minDate(spec.on, TODAY), -rng.int(14, 30)), randomTime(rng, '09:00', '17:00'));
    const updated = past ? at(addDays(spec.on, 1), randomTime(rng, '09:00', '12:00')) : created;
    addRecord(
      'lectures',
      {
        title: spec.title,
        kind: spec.kind,
        seriesId: spec.series ? seriesByKey.get(spec.series)!.id : null,
        summitId: spec.summit ? summitByKey.get(spec.summit)!.row.id : null,
        speaker: speaker.name,
        speakerTitle: speaker.title,
        speakerOrgId: speaker.org?.row.id ?? null,
        startsAt,
        venue: spec.venue,
        industry: spec.industry,
        audience: past ? audienceFor(rng, spec.kind) : null,
        abstract: spec.abstract,
      },
      created,
      updated,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Agreements and their follow-ups
// ---------------------------------------------------------------------------------------------

const shortName = (name: string) => name.replace(/^(青岚|东临|江东)/, '').replace(/(股份)?有限公司$/, '');

/**
 * Statuses recorded by n follow-ups walking `path`, each step at least once when n allows.
 * A termination is recorded once; a completion at most twice (acceptance, then the closing report);
 * a project left at 'signed' before moving on, at most twice.
 */
function statusSequence(rng: Rng, path: string[], n: number): string[] {
  if (n < path.length) return path.slice(path.length - n);
  const counts = path.map(() => 1);
  const room = (i: number) =>
    path[i] === 'terminated'
      ? 1
      : path[i] === 'completed' || (path[i] === 'signed' && i < path.length - 1)
        ? 2
        : Infinity;
  for (let extra = n - path.length; extra > 0; extra--) {
    const open = path.map((_, i) => i).filter((i) => counts[i] < room(i));
    counts[open.length ? rng.pick(open) : 0]++;
  }
  return path.flatMap((status, i) => Array<string>(counts[i]).fill(status));
}

/** The kind of follow-up a note describes, or a likely one for its category. */
function kindOfNote(rng: Rng, note: string, category: string): string {
  if (/^电话|电话(沟通|联系|回访)/.test(note)) return 'call';
  if (/^(赴|走访|回访|再次走访)/.test(note)) return 'visit';
  if (/会议|推进会|启动会|理事会|座谈|会商/.test(note)) return 'meeting';
  if (/^提交|报告/.test(note)) return 'report';
  if (/现场|组织专家/.test(note)) return 'visit';
  return rng.weighted(FOLLOWUP_KINDS[category]);
}

function categoryOf(previous: string, current: string, firstSoonAfterSigning: boolean): string {
  if (current === 'signed') return firstSoonAfterSigning ? 'afterSigning' : 'waiting';
  if (current === 'completed' && previous === 'completed') return 'closingReport';
  if (current === 'inProgress')
    return previous === 'signed' ? 'kickoff' : previous === 'stalled' ? 'revive' : 'progress';
  if (current === 'landed') return previous === 'landed' ? 'landedProgress' : 'landing';
  if (current === 'completed') return 'completion';
  if (current === 'stalled') return previous === 'stalled' ? 'stalledStay' : 'stalling';
  return 'termination';
}

/** A note for one follow-up; `used` holds the templates this agreement already used, so none repeats. */
function followupNote(rng: Rng, category: string, spec: AgreementSpec, step: number, used: Set<string>): string {
  let templates = FOLLOWUP_NOTES[category];
  if (category === 'progress')
    templates = [...PROGRESS_BY_KIND[spec.kind], ...PROGRESS_BY_KIND[spec.kind], ...templates];
  const productless = ['talent', 'platform', 'innovationCentre'].includes(spec.kind);
  if (category === 'landing' && (productless || rng.chance(0.6))) templates = [LANDING_BY_KIND[spec.kind]];
  if (spec.kind === 'talent' && TALENT_NOTES[category]) templates = TALENT_NOTES[category];
  if (spec.wan === null) templates = templates.filter((t) => !t.includes('{wan}'));
  const unused = templates.filter((t) => !used.has(t));
  const template = rng.pick(unused.length ? unused : templates);
  used.add(template);
  const wanShare = spec.wan === null ? 0 : Math.max(10, Math.round((spec.wan * rng.int(20, 40)) / 100));
  const revenue = spec.wan === null ? 0 : Math.round((spec.wan * rng.int(80, 300)) / 100);
  return template
    .replace('{ent}', shortName(spec.enterprise))
    .replace('{partner}', spec.partner)
    .replace('{pct}', String(Math.min(95, 30 + step * 15 + rng.int(0, 2) * 5)))
    .replace('{n}', String(rng.int(2, 8)))
    .replace('{wan}', String(category.startsWith('land') ? revenue : wanShare));
}

function nextSteps(category: string, spec: AgreementSpec): string[] {
  let steps =
    category === 'progress' ? [...NEXT_STEPS.progress, ...PROGRESS_STEPS_BY_KIND[spec.kind]] : NEXT_STEPS[category];
  if (spec.kind === 'talent' && TALENT_STEPS[category]) steps = TALENT_STEPS[category];
  return spec.wan === null ? steps.filter((step) => !step.includes('经费')) : steps;
}

/** The last follow-up date and the agreement's next follow-up date (null when closed). */
function followupWindow(rng: Rng, spec: AgreementSpec, signedOn: string): { last: string; next: string | null } {
  const closed = spec.status === 'completed' || spec.status === 'terminated';
  const sinceSigning = daysBetween(signedOn, TODAY);
  let last: string;
  let next: string | null;
  if (closed) {
    last = minDate(addDays(signedOn, rng.int(240, 420)), addDays(TODAY, -rng.int(10, 40)));
    next = null;
  } else if (sinceSigning <= 5) {
    last = addDays(signedOn, 1);
    next = addDays(TODAY, rng.int(10, 25));
  } else if (sinceSigning > 60 && rng.chance(spec.status === 'stalled' ? 0.5 : 0.15)) {
    // Overdue: the planned follow-up date has passed without a visit.
    next = addDays(TODAY, -rng.int(3, 40));
    last = addDays(next, -rng.int(14, 35));
  } else {
    last = addDays(TODAY, -rng.int(2, Math.min(45, sinceSigning - 1)));
    next = addDays(last, rng.int(20, 60));
    if (next <= TODAY) next = addDays(TODAY, rng.int(3, 20));
  }
  last = minDate(maxDate(last, addDays(signedOn, 1)), addDays(TODAY, -1));
  last = workday(last, addDays(signedOn, 1), addDays(TODAY, -1));
  if (next !== null) {
    next = maxDate(next, addDays(last, 7));
    const day = weekday(next);
    if (day === 6 || day === 0) next = addDays(next, day === 6 ? 2 : 1);
  }
  return { last, next };
}

/** n follow-up dates from shortly after signing to `last`, on working days, strictly increasing. */
function followupDates(rng: Rng, signedOn: string, last: string, wanted: number): string[] {
  const floor = addDays(signedOn, 1);
  const first = minDate(addDays(signedOn, rng.int(3, 12)), last);
  const span = daysBetween(first, last);
  const n = Math.max(1, Math.min(wanted, Math.floor(span / 15) + 1));
  if (n === 1) return [last];
  const gap = span / (n - 1);
  const dates: string[] = [];
  for (let i = 0; i < n; i++) {
    const jitter = i === 0 || i === n - 1 ? 0 : rng.int(-Math.floor(gap / 4), Math.floor(gap / 4));
    dates.push(workday(addDays(first, Math.round(gap * i) + jitter), floor, last));
  }
  return [...new Set(dates)].sort();
}

function buildAgreements() {
  const rng = new Rng('agreements');
  const frng = new Rng('followups');
  for (const spec of AGREEMENTS) {
    const enterprise = org(spec.enterprise);
    const partner = org(spec.partner);
    const ceremony = spec.ceremony ? ceremonyByKey.get(spec.ceremony) : null;
    if (spec.ceremony && !ceremony) throw new Error(`unknown ceremony ${spec.ceremony}`);
    const signedOn = ceremony ? (ceremony.heldOn as string) : spec.signedOn!;
    const officer = rng.pick(OFFICERS);

    const { last, next } = followupWindow(rng, spec, signedOn);
    const [low, high] = FOLLOWUP_COUNT[spec.status];
    // At least one follow-up every four months; never more than six.
    const wanted = Math.min(6, Math.max(rng.int(low, high), Math.ceil(daysBetween(signedOn, last) / 120)));
    const dates = followupDates(rng, signedOn, last, wanted);
    let path = spec.path ?? STATUS_PATHS[spec.status];
    if (!spec.path && spec.status !== 'signed' && dates.length > path.length && rng.chance(0.35))
      path = ['signed', ...path];
    const statuses = statusSequence(rng, path, dates.length);

    const created = at(minDate(addDays(signedOn, 1), TODAY), randomTime(rng, '09:00', '11:30'));
    const agreement = addRecord(
      'agreements',
      {
        title: spec.title,
        enterpriseId: enterprise.row.id,
        partnerId: partner.row.id,
        ceremonyId: ceremony?.id ?? null,
        signedOn,
        kind: spec.kind,
        industry: enterprise.industry,
        amount: spec.wan === null ? null : spec.wan * 10_000,
        status: spec.status,
        officer,
        nextFollowUpOn: next,
        note: spec.note ?? null,
      },
      created,
      created,
    );

    let previous = 'signed';
    let progressStep = 0;
    const usedNotes = new Set<string>();
    for (const [i, on] of dates.entries()) {
      const status = statuses[i];
      const category = categoryOf(previous, status, i === 0 && daysBetween(signedOn, on) <= 12);
      if (category === 'progress') progressStep++;
      const isLast = i === dates.length - 1;
      const nextOn = isLast ? next : workday(addDays(on, frng.int(10, 30)), on, '2100-01-01');
      const stamp = at(on, randomTime(frng, '15:30', '18:30'));
      const note = followupNote(frng, category, spec, progressStep, usedNotes);
      addRecord(
        'followups',
        {
          agreementId: agreement.id,
          on,
          officer: frng.chance(0.85) ? officer : frng.pick(OFFICERS.filter((o) => o !== officer)),
          kind: kindOfNote(frng, note, category),
          note,
          statusAfter: status,
          nextStep: frng.pick(nextSteps(category, spec)),
          nextOn: nextOn && nextOn < on ? on : nextOn,
        },
        stamp,
        stamp,
      );
      agreement.updatedAt = clampNow(stamp > agreement.updatedAt ? stamp : agreement.updatedAt);
      previous = status;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Validation: the schema's own checkWrite, references, and the story's invariants
// ---------------------------------------------------------------------------------------------

function validate(): void {
  const problems: string[] = [];
  const ids = Object.fromEntries(COLLECTIONS.map((name) => [name, new Set(db[name].map((r) => r.id))]));
  const system = systemFields as readonly string[];

  for (const name of COLLECTIONS) {
    const resource = resourceByName[name];
    const expected = ['id', ...resource.fields.map((f) => f.source), 'createdAt', 'updatedAt'].sort().join(',');
    for (const [i, row] of db[name].entries()) {
      const where = `${name}#${row.id}`;
      if (row.id !== i + 1) problems.push(`${where}: ids must run 1, 2, 3… (found ${row.id} at position ${i + 1})`);
      if (Object.keys(row).sort().join(',') !== expected) problems.push(`${where}: fields differ from the schema`);
      const input = Object.fromEntries(Object.entries(row).filter(([key]) => !system.includes(key)));
      const { record, reasons } = checkWrite(resource, input);
      for (const [field, reason] of Object.entries(reasons)) {
        problems.push(`${where}: ${field} = ${JSON.stringify(row[field])} rejected: ${JSON.stringify(reason)}`);
      }
      for (const field of resource.fields) {
        if (!reasons[field.source] && JSON.stringify(record[field.source]) !== JSON.stringify(input[field.source])) {
          problems.push(
            `${where}: ${field.source} is not in stored form (${JSON.stringify(input[field.source])} → ${JSON.stringify(record[field.source])})`,
          );
        }
        if (
          field.type === 'reference' &&
          row[field.source] !== null &&
          !ids[field.reference!]?.has(row[field.source] as number)
        ) {
          problems.push(`${where}: ${field.source} = ${row[field.source]} points at no ${field.reference} record`);
        }
      }
      for (const key of ['createdAt', 'updatedAt']) {
        const value = row[key] as string;
        if (new Date(value).toISOString() !== value) problems.push(`${where}: ${key} is not an ISO string`);
      }
      if (row.createdAt > row.updatedAt || row.updatedAt > NOW)
        problems.push(`${where}: timestamps out of order or in the future`);
    }
  }

  // The story told by the data.
  // Loosely typed views: these checks compare field values the schema has already validated.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const data = db as Record<string, Record<string, any>[]>;
  const byId = (name: string, id: unknown) => data[name][(id as number) - 1];
  const summitOf = (key: string) => summitByKey.get(key)!.row;
  for (const c of data.ceremonies) {
    if (c.summitId === null) continue;
    const s = byId('summits', c.summitId);
    if (c.heldOn < s.startsOn || c.heldOn > s.endsOn)
      problems.push(`ceremonies#${c.id}: held outside its summit's dates`);
  }
  for (const l of data.lectures) {
    if (l.summitId === null) continue;
    const s = byId('summits', l.summitId);
    const day = new Date(Date.parse(l.startsAt as string) + 8 * 3600_000).toISOString().slice(0, 10);
    if (day < s.startsOn || day > s.endsOn) problems.push(`lectures#${l.id}: held outside its summit's dates`);
  }
  const matchCeremony = data.ceremonies.find((c) => c.summitId === summitOf('match2025').id)!;
  const signedAtMatch = data.agreements.filter((a) => a.ceremonyId === matchCeremony.id).length;
  if (signedAtMatch !== 11) problems.push(`the matchmaking meeting's ceremony has ${signedAtMatch} signings, not 11`);
  for (const a of data.agreements) {
    const where = `agreements#${a.id}`;
    if (byId('organizations', a.enterpriseId).kind !== 'enterprise')
      problems.push(`${where}: enterpriseId is not an enterprise`);
    if (!['university', 'institute', 'association'].includes(byId('organizations', a.partnerId).kind as string)) {
      problems.push(`${where}: partnerId is not a university, institute or association`);
    }
    if (a.ceremonyId !== null && byId('ceremonies', a.ceremonyId).heldOn !== a.signedOn)
      problems.push(`${where}: signedOn differs from its ceremony`);
    const closed = a.status === 'completed' || a.status === 'terminated';
    if (closed !== (a.nextFollowUpOn === null))
      problems.push(`${where}: nextFollowUpOn must be null exactly when closed`);
    const fs = data.followups.filter((f) => f.agreementId === a.id);
    if (fs.length < 1 || fs.length > 6) problems.push(`${where}: ${fs.length} follow-ups`);
    fs.forEach((f, i) => {
      if (f.on <= a.signedOn || f.on >= TODAY) problems.push(`followups#${f.id}: not between signing and today`);
      if (i > 0 && f.on <= fs[i - 1].on) problems.push(`followups#${f.id}: not in date order`);
    });
    const lastF = fs[fs.length - 1];
    if (lastF && a.status !== 'signed' && lastF.statusAfter !== a.status)
      problems.push(`${where}: last follow-up says ${lastF.statusAfter}, agreement ${a.status}`);
    if (lastF && a.nextFollowUpOn !== null && lastF.nextOn !== a.nextFollowUpOn)
      problems.push(`${where}: last follow-up's nextOn differs from nextFollowUpOn`);
  }
  const staffAt = new Set(data.attendees.filter((t) => t.role === 'staff').map((t) => `${t.summitId}/${t.name}`));
  for (const t of data.attendees) {
    const s = byId('summits', t.summitId);
    if (t.pickupBy !== null && !staffAt.has(`${t.summitId}/${t.pickupBy}`))
      problems.push(`attendees#${t.id}: picked up by ${t.pickupBy}, who is not staff at that summit`);
    const future = s.startsOn > TODAY;
    if (future && ['checkedIn', 'absent'].includes(t.invitation as string))
      problems.push(`attendees#${t.id}: ${t.invitation} before the summit`);
    if (!future && ['toInvite', 'invited'].includes(t.invitation as string))
      problems.push(`attendees#${t.id}: still ${t.invitation} after the summit began`);
    if (t.checkedInAt !== null && (t.checkedInAt as string) > NOW)
      problems.push(`attendees#${t.id}: checked in in the future`);
  }

  if (problems.length) {
    throw new Error(
      `db/seed.json would be invalid (${problems.length} problems):\n  ${problems.slice(0, 60).join('\n  ')}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Output: one record per line, so a change to the data reads as a small diff
// ---------------------------------------------------------------------------------------------

function serialise(): string {
  const blocks = COLLECTIONS.map((name) => {
    const lines = db[name].map((row) => `    ${JSON.stringify(row)}`);
    return `  ${JSON.stringify(name)}: [\n${lines.join(',\n')}\n  ]`;
  });
  return `{\n${blocks.join(',\n')}\n}\n`;
}

function main() {
  buildOrganizations();
  buildPeople();
  buildSummits();
  buildSeries();
  buildCeremonies();
  buildAttendees();
  buildLectures();
  buildAgreements();
  validate();

  const text = serialise();
  JSON.parse(text); // the file must be plain JSON
  // `npm run seed` writes db/seed.json; a path argument writes elsewhere (the tests compare).
  const target = process.argv[2]
    ? resolve(process.argv[2])
    : join(dirname(fileURLToPath(import.meta.url)), 'seed.json');
  writeFileSync(target, text);
  const counts = COLLECTIONS.map((name) => `${name} ${db[name].length}`).join(', ');
  console.log(`wrote ${target} (${Buffer.byteLength(text)} bytes): ${counts}`);
}

main();
