package cn.henan.skills.institution;

import org.springframework.data.jpa.repository.JpaRepository;

interface InstitutionDocumentRepository extends JpaRepository<InstitutionDocument, Long> {
}
