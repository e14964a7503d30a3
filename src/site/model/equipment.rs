//! `equipment:` the 设备设施 of an enterprise, special equipment (特种设备) marked.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::site::date::Date;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Equipment {
    pub name: String,
    pub special: bool,
    pub model: String,
    #[serde(default)]
    pub reg_no: Option<String>,
    pub zone: String,
    #[serde(default)]
    pub inspected_on: Option<Date>,
    #[serde(default)]
    pub next_inspection: Option<Date>,
    /// Optional columns of the equipment ledger: 类别 (特种设备目录), 设备代码, 投用日期,
    /// 操作人员 (team members, shown with their certificates) and 状态.
    #[serde(default)]
    pub category: Option<SpecialCategory>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub commissioned_on: Option<Date>,
    #[serde(default)]
    pub operators: Vec<String>,
    #[serde(default)]
    pub status: Option<EquipmentStatus>,
}

chinese_values! {
    /// The eight kinds of the 特种设备目录 (质检总局 2014 年第 114 号).
    #[schemars(transform = crate::schema::fields::half_width_paren_aliases)]
    pub enum SpecialCategory {
        锅炉 => "锅炉",
        压力容器 => "压力容器",
        压力管道 => "压力管道",
        电梯 => "电梯",
        起重机械 => "起重机械",
        客运索道 => "客运索道",
        大型游乐设施 => "大型游乐设施",
        #[serde(alias = "场(厂)内专用机动车辆")]
        场厂内专用机动车辆 => "场（厂）内专用机动车辆",
    }
}

chinese_values! {
    /// 状态 of the equipment ledger.
    pub enum EquipmentStatus {
        在用 => "在用",
        备用 => "备用",
        维修 => "维修",
        停用 => "停用",
        报废 => "报废",
    }
}
