//! Which department does what, from the departments' names: the pack names a department
//! the enterprise has, never a generic one (设备管理部门) it may not.

use crate::site::model::{Department, EnterpriseFile};

/// Words of a department that manages equipment: 设备动力部, 工程部, 机修车间 …
const EQUIPMENT_WORDS: [&str; 4] = ["设备", "动力", "工程", "机修"];

/// The department that manages equipment, else the safety department, else none (the
/// safety officer then acts).
pub fn equipment_department(e: &EnterpriseFile) -> Option<&Department> {
    let named = |words: &[&str]| {
        e.departments
            .iter()
            .find(|d| words.iter().any(|w| d.name.contains(w)))
    };
    named(&EQUIPMENT_WORDS).or_else(|| named(&["安全"]))
}

/// How a document names the one who approves for equipment: 设备动力部负责人程立新, else
/// 安全管理人员 and the safety officer's name.
pub fn equipment_approver(e: &EnterpriseFile) -> String {
    match equipment_department(e) {
        Some(d) => format!("{}负责人{}", d.name, d.head),
        None => format!("安全管理人员{}", e.enterprise.safety_officer.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> EnterpriseFile {
        crate::facts::example_enterprise(name)
    }

    #[test]
    fn equipment_is_managed_by_the_department_that_says_so_else_safety() {
        let mut e = example("ruifeng");
        assert_eq!(equipment_approver(&e), "设备动力部负责人程立新");
        e.departments.retain(|d| !d.name.contains("设备"));
        assert_eq!(equipment_approver(&e), "安全环保部负责人胡晓燕");
        let j = example("jinshun");
        assert!(equipment_department(&j).is_none());
        assert!(equipment_approver(&j).starts_with("安全管理人员"));
    }
}
